using System.Collections.Concurrent;

namespace ReportArchive.Build;

/// <summary>Results kept from one build to the next in a long-running process (the preview), each under a key that names
/// everything it was made from, so that an unchanged document is neither read nor rendered again. Entries that a build
/// did not ask for are dropped after it.</summary>
public sealed class BuildMemo
{
    // Two generations: what the last build kept, and what this build has used so far. A build's sweep keeps only the second.
    private ConcurrentDictionary<string, object> _kept = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, object> _used = new(StringComparer.Ordinal);

    public int Hits => _hits;

    public int Misses => _misses;

    private int _hits;
    private int _misses;

    public T GetOrAdd<T>(string key, Func<T> create)
        where T : notnull
    {
        if (_used.TryGetValue(key, out var used))
        {
            Interlocked.Increment(ref _hits);
            return (T)used;
        }

        if (_kept.TryGetValue(key, out var kept))
        {
            Interlocked.Increment(ref _hits);
            return (T)_used.GetOrAdd(key, kept);
        }

        Interlocked.Increment(ref _misses);
        return (T)_used.GetOrAdd(key, _ => create());
    }

    /// <summary>Drops what the last build did not use, and starts counting afresh.</summary>
    public void Sweep()
    {
        (_kept, _used) = (_used, new(StringComparer.Ordinal));
        (_hits, _misses) = (0, 0);
    }
}
