using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace ReportArchive.Build;

/// <summary>Runs the stages of one build as tasks: each starts once the stages it needs are done, reports into the build's
/// diagnostics instead of throwing, and is timed, so that independent stages run at the same time.</summary>
public sealed class Stages(CancellationToken cancellation = default)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<StageTiming> _timings = new();
    private readonly ConcurrentQueue<Task> _started = new();

    // The first stage that fails: every stage that has not started yet fails with its exception instead of running, so that
    // whichever stage the build awaits first, the failure it sees is the one that happened (never a cancellation hiding it).
    private ExceptionDispatchInfo? _failure;

    public DiagnosticBag Diagnostics { get; } = new();

    /// <summary>When each stage that ran started and ended, from the start of the build, in the order they ended.</summary>
    public IReadOnlyList<StageTiming> Timings => [.. _timings.OrderBy(t => t.End)];

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Starts <paramref name="work"/> once every task in <paramref name="after"/> has finished. A stage still runs when
    /// those before it reported errors, so that one build lists every problem at once; each stage decides what it can do then.</summary>
    public Task<T> Run<T>(string name, Task[] after, Func<ICollection<Diagnostic>, T> work)
    {
        var task = Task.WhenAll(after).ContinueWith(
            before =>
            {
                before.GetAwaiter().GetResult(); // a stage before this one failed: fail with its exception
                return Execute(name, work);
            },
            CancellationToken.None,
            // Each stage on a thread of its own, started when those before it are done: on the shared pool, a stage whose turn came
            // while another stage's parallel loop held every thread (Search while Pages rendered) waited for that loop to end.
            TaskContinuationOptions.LongRunning,
            TaskScheduler.Default);
        _started.Enqueue(task);
        return task;
    }

    private T Execute<T>(string name, Func<ICollection<Diagnostic>, T> work)
    {
        Volatile.Read(ref _failure)?.Throw();
        cancellation.ThrowIfCancellationRequested();
        var start = _clock.Elapsed;
        var diagnostics = new List<Diagnostic>();
        try
        {
            var result = work(diagnostics);
            Diagnostics.AddRange(diagnostics);
            _timings.Enqueue(new StageTiming(name, start, _clock.Elapsed));
            return result;
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            throw;
        }
    }

    /// <summary>Waits until no stage is running any more, whatever became of them: after a failure, nothing may still be writing
    /// when the build cleans up.</summary>
    public async Task WaitAllAsync() =>
        // Each failure reaches whoever awaits its stage (SiteBuild awaits them all); here only the end of every stage matters.
        await Task.WhenAll(_started).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Records a step that the build runs itself (the final write).</summary>
    public void Record(string name, TimeSpan start) => _timings.Enqueue(new StageTiming(name, start, _clock.Elapsed));
}

/// <summary>When a stage ran, measured from the start of the build.</summary>
public sealed record StageTiming(string Name, TimeSpan Start, TimeSpan End)
{
    public TimeSpan Duration => End - Start;
}
