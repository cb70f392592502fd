using System.Collections.Concurrent;

namespace ReportArchive.Pipeline;

/// <summary>Results kept from one build to the next in a long-running process (the preview), each under a key that names
/// everything it was made from, so that an unchanged document is neither read nor rendered again. Entries that a build
/// did not ask for are dropped after it.</summary>
public sealed class BuildMemo
{
    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);

    public int Hits => _hits;

    public int Misses => _misses;

    private int _hits;
    private int _misses;

    public T GetOrAdd<T>(string key, Func<T> create)
        where T : notnull
    {
        _used[key] = true;
        if (_entries.TryGetValue(key, out var found))
        {
            Interlocked.Increment(ref _hits);
            return (T)found;
        }

        Interlocked.Increment(ref _misses);
        return (T)_entries.GetOrAdd(key, _ => create());
    }

    /// <summary>Drops what the last build did not use, and starts counting afresh.</summary>
    public void Sweep()
    {
        foreach (var key in _entries.Keys.Where(k => !_used.ContainsKey(k)))
        {
            _entries.TryRemove(key, out _);
        }

        _used = new(StringComparer.Ordinal);
        (_hits, _misses) = (0, 0);
    }
}
