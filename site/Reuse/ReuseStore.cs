using System.Collections.Concurrent;

namespace ReportArchive.Reuse;

/// <summary>What one build made, kept for the next in a long-running process (the preview): each result under its typed key
/// (<see cref="IReuseKey{TValue}"/>). A build asks two things: the result kept under a key (<see cref="TryReuse{TValue}"/>), and
/// to keep a result under a key (<see cref="Record{TValue}"/>); <see cref="Reuse{TKey, TValue}"/> does both. What a build did not
/// ask for is dropped after it (<see cref="Sweep"/>).</summary>
public sealed class ReuseStore
{
    // Two generations: what the last build kept, and what this build has used so far. A sweep keeps only the second. Keys are
    // records, compared by value; a key's type fixes the type of its result.
    private ConcurrentDictionary<object, object> _kept = new();
    private ConcurrentDictionary<object, object> _used = new();
    private int _hits;
    private int _misses;

    /// <summary>How many results this build took as kept.</summary>
    public int Hits => _hits;

    /// <summary>How many results this build had to make.</summary>
    public int Misses => _misses;

    /// <summary>What changed among the sources since the last build, as a watcher reported it.</summary>
    public SourceChanges Changes { get; } = new();

    /// <summary>The result kept under <paramref name="key"/> by the last build or this one (now kept for the next); false when none.</summary>
    public bool TryReuse<TValue>(IReuseKey<TValue> key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out TValue value)
        where TValue : notnull
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
        value = (TValue)found;
        return true;
    }

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> for the next build, in place of what was there.</summary>
    public TValue Record<TValue>(IReuseKey<TValue> key, TValue value)
        where TValue : notnull
    {
        _used[key] = value;
        return value;
    }

    /// <summary>The result kept under <paramref name="key"/>, or the one <paramref name="make"/> makes from the key alone, kept.</summary>
    public TValue Reuse<TKey, TValue>(TKey key, Func<TKey, TValue> make)
        where TKey : IReuseKey<TValue>
        where TValue : notnull
    {
        if (TryReuse(key, out var value))
        {
            return value;
        }

        Interlocked.Increment(ref _misses);
        return (TValue)_used.GetOrAdd(key, static (_, made) => made.make(made.key), (make, key));
    }

    /// <summary>Drops what the last build did not use, starts counting afresh, and takes the changes reported since the last build began.</summary>
    public void Sweep()
    {
        (_kept, _used) = (_used, new());
        (_hits, _misses) = (0, 0);
        Changes.Take();
    }
}

/// <summary>Reuse where there is a store: a build without one (a deployment's, a check) makes every result.</summary>
public static class ReuseStoreExtensions
{
    /// <summary>The result kept in <paramref name="store"/> under <paramref name="key"/>, or made from the key (and kept, when there is a store).</summary>
    public static TValue ReuseOrMake<TKey, TValue>(this ReuseStore? store, TKey key, Func<TKey, TValue> make)
        where TKey : IReuseKey<TValue>
        where TValue : notnull => store is null ? make(key) : store.Reuse(key, make);
}
