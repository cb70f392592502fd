using System.Collections.Concurrent;

namespace ReportArchive.Build;

/// <summary>Results kept from one build to the next in a long-running process (the preview), each under a key that names
/// everything it was made from, so that an unchanged document is neither read nor rendered again. Entries that a build
/// did not ask for are dropped after it. With a watcher reporting every changed path (<see cref="Watch"/>), a build also knows
/// which sources changed since the last one, and need not look at the others (<see cref="Changes"/>).</summary>
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

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> for the next build, in place of what was there.</summary>
    public void Put<T>(string key, T value)
        where T : notnull => _used[key] = value;

    /// <summary>The value kept under <paramref name="key"/> by the last build (or this one), now kept for the next; false when there is none.</summary>
    public bool TryReuse<T>(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
        where T : notnull
    {
        if (!_used.TryGetValue(key, out var found))
        {
            if (!_kept.TryGetValue(key, out var kept))
            {
                value = default;
                return false;
            }

            found = _used.GetOrAdd(key, kept);
        }

        Interlocked.Increment(ref _hits);
        value = (T)found;
        return true;
    }

    /// <summary>The full paths of the files and folders that changed between the start of the last build and the start of this
    /// one; null when that is not known (before a watcher reports, or after it lost events): then every source is looked at.</summary>
    public IReadOnlySet<string>? Changes { get; private set; }

    // What the watcher has reported since the current build began, and whether some change may have gone unreported (before
    // the watcher ran, or lost by it).
    private HashSet<string>? _pending;
    private bool _lost = true;
    private bool _watching;
    private readonly Lock _gate = new();

    /// <summary>Promises that from now on every change under the sources is reported through <see cref="Changed"/>. The next
    /// build still looks at everything (what changed before is not known); the builds after it look only at what changed.</summary>
    public void Watch()
    {
        lock (_gate)
        {
            _watching = true;
        }
    }

    /// <summary>Records a changed file or folder; null when changes were lost (a watcher's buffer overflowed).</summary>
    public void Changed(string? path)
    {
        lock (_gate)
        {
            if (path is null)
            {
                _lost = true;
            }
            else if (!_lost)
            {
                (_pending ??= new(StringComparer.Ordinal)).Add(Path.GetFullPath(path));
            }
        }
    }

    /// <summary>Drops what the last build did not use, starts counting afresh, and takes the changes reported since the last build began.</summary>
    public void Sweep()
    {
        (_kept, _used) = (_used, new(StringComparer.Ordinal));
        (_hits, _misses) = (0, 0);
        lock (_gate)
        {
            Changes = _lost ? null : (IReadOnlySet<string>?)_pending ?? new HashSet<string>();
            _pending = null;
            _lost = !_watching;
        }
    }
}
