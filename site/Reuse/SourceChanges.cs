namespace ReportArchive.Reuse;

/// <summary>The files and folders that changed between the start of the last build and the start of this one, as a watcher
/// reports them, so that a build need not look at the others. Until a watcher promises to report every change
/// (<see cref="Watch"/>), and whenever it lost some, nothing is known: then every source is looked at.</summary>
public sealed class SourceChanges
{
    // What the watcher has reported since the current build began, and whether some change may have gone unreported (before
    // the watcher ran, or lost by it).
    private HashSet<string>? _pending;
    private bool _lost = true;
    private bool _watching;
    private readonly Lock _gate = new();

    /// <summary>The full paths that changed before this build; null when that is not known.</summary>
    public IReadOnlySet<string>? Since { get; private set; }

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

    /// <summary>Makes what was reported since the last build began the changes of the build that begins now.</summary>
    public void Take()
    {
        lock (_gate)
        {
            Since = _lost ? null : (IReadOnlySet<string>?)_pending ?? new HashSet<string>();
            _pending = null;
            _lost = !_watching;
        }
    }
}
