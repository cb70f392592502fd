namespace ReportArchive.Preview;

/// <summary>Where the preview learns that its sources changed: the folders' file events (<see cref="FolderWatcher"/>), or
/// anything else that can say "something changed" (a test).</summary>
public interface IChangeSource : IDisposable
{
    /// <summary>Starts reporting changes to <paramref name="changed"/>, which may be called from any thread, many times a save,
    /// with the path of the file or folder that changed, or with null when the source cannot say what changed (then the next
    /// build looks at every source).</summary>
    void Start(Action<string?> changed);
}
