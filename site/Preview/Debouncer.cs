using System.Threading.Channels;

namespace ReportArchive.Preview;

/// <summary>Turns bursts of change signals into single runs of an action: an editor's save is several file events, and changes
/// that arrive while the action runs make one more run after it, never a run per event and never two at once.</summary>
public sealed class Debouncer : IAsyncDisposable
{
    private readonly Channel<bool> _signals = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public Debouncer(TimeSpan quiet, Func<Task> run)
    {
        _loop = Task.Run(async () =>
        {
            var reader = _signals.Reader;
            try
            {
                while (await reader.WaitToReadAsync(_stop.Token))
                {
                    await Task.Delay(quiet, _stop.Token);
                    while (reader.TryRead(out _))
                    {
                    }

                    await run();
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    /// <summary>Says that something changed; safe from any thread.</summary>
    public void Signal() => _signals.Writer.TryWrite(true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
