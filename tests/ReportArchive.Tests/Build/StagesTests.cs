using ReportArchive.Build;

namespace ReportArchive.Tests.Build;

/// <summary>The build's stages start when what they need is done, run beside the stages they do not need, and report.</summary>
public class StagesTests
{
    [Fact]
    public async Task Independent_stages_run_at_the_same_time_and_a_dependent_one_waits_for_both()
    {
        var stages = new Stages();
        using var bothStarted = new CountdownEvent(2);
        int Wait()
        {
            bothStarted.Signal();
            // Each waits for the other to have started: this returns only if the two run at the same time.
            return bothStarted.Wait(TimeSpan.FromSeconds(20)) ? 1 : 0;
        }

        var a = stages.Run("A", [], _ => Wait());
        var b = stages.Run("B", [], _ => Wait());
        var c = stages.Run("C", [a, b], _ => a.Result + b.Result);

        Assert.Equal(2, await c);
        var timings = stages.Timings.ToDictionary(t => t.Name);
        Assert.True(timings["C"].Start >= timings["A"].End && timings["C"].Start >= timings["B"].End);
    }

    [Fact]
    public async Task A_stage_reports_into_the_build_and_a_later_stage_sees_it()
    {
        var stages = new Stages();
        var first = stages.Run("First", [], d =>
        {
            d.Add(Diagnostic.Error("RA100", "site.yml", 1, "missing"));
            return 0;
        });
        var second = stages.Run("Second", [first], _ => stages.Diagnostics.HasErrors);

        Assert.True(await second);
        Assert.Equal("RA100", Assert.Single(stages.Diagnostics.Sorted()).Code);
    }

    [Fact]
    public async Task A_failed_stage_stops_the_stages_after_it_and_settling_waits_for_those_still_running()
    {
        var stages = new Stages();
        using var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource();
        var running = stages.Run("Running", [], _ =>
        {
            started.SetResult();
            release.Wait(TimeSpan.FromSeconds(20));
            return "finished";
        });
        var failing = stages.Run<int>("Failing", [started.Task], _ => throw new IOException("No space left on device"));
        var after = stages.Run("After", [failing], _ => "ran");

        await Assert.ThrowsAsync<IOException>(() => failing);
        await Assert.ThrowsAsync<IOException>(() => after);
        Assert.False(running.IsCompleted);
        release.Set();
        await stages.WaitAllAsync();
        Assert.Equal("finished", await running);
    }

    [Fact]
    public async Task Two_stages_waiting_on_the_same_one_run_at_the_same_time()
    {
        var stages = new Stages();
        using var bothStarted = new CountdownEvent(2);
        var first = stages.Run("First", [], _ => 1);
        int Wait()
        {
            bothStarted.Signal();
            return bothStarted.Wait(TimeSpan.FromSeconds(20)) ? 1 : 0;
        }

        // Both wait on First: neither may run inline after the other when First completes.
        var a = stages.Run("A", [first], _ => Wait());
        var b = stages.Run("B", [first], _ => Wait());

        Assert.Equal(2, await a + await b);
    }

    [Fact]
    public async Task Every_stage_after_a_failure_fails_with_that_failure_and_never_as_cancelled()
    {
        var stages = new Stages();
        var failing = stages.Run<int>("Failing", [], _ => throw new InsufficientExecutionStackException("too deep"));
        await Assert.ThrowsAsync<InsufficientExecutionStackException>(() => failing);

        // Awaited before the stage that failed, as a build awaits its stages in its own order: the failure, not a cancellation.
        var independent = stages.Run("Independent", [], _ => 1);
        var dependent = stages.Run("Dependent", [failing], _ => 2);
        var thrown = await Assert.ThrowsAsync<InsufficientExecutionStackException>(() => independent);
        Assert.Equal("too deep", thrown.Message);
        await Assert.ThrowsAsync<InsufficientExecutionStackException>(() => dependent);
    }
}
