using ReportArchive.Preview;

namespace ReportArchive.Tests.Preview;

/// <summary>A save is many file events: the preview rebuilds once for a burst, and once more for what arrives during a rebuild.</summary>
public class DebouncerTests
{
    [Fact]
    public async Task A_burst_of_signals_runs_the_action_once()
    {
        var runs = 0;
        var ran = new SemaphoreSlim(0);
        await using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(50), () =>
        {
            Interlocked.Increment(ref runs);
            ran.Release();
            return Task.CompletedTask;
        });

        for (var i = 0; i < 100; i++)
        {
            debouncer.Signal();
        }

        Assert.True(await ran.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await ran.WaitAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Signals_during_a_run_make_exactly_one_more_run_after_it_never_two_at_once()
    {
        var (runs, running, overlapped) = (0, 0, false);
        var started = new SemaphoreSlim(0);
        var finish = new SemaphoreSlim(0);
        var finished = new SemaphoreSlim(0);
        await using var debouncer = new Debouncer(TimeSpan.FromMilliseconds(10), async () =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            Interlocked.Increment(ref runs);
            started.Release();
            await finish.WaitAsync();
            Interlocked.Decrement(ref running);
            finished.Release();
        });

        debouncer.Signal();
        Assert.True(await started.WaitAsync(TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 20; i++)
        {
            debouncer.Signal();
        }

        finish.Release(2);
        Assert.True(await finished.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await finished.WaitAsync(TimeSpan.FromSeconds(10)));
        await Task.Delay(300); // time for a third run, if there were one
        Assert.Equal(2, runs);
        Assert.False(overlapped);
    }
}
