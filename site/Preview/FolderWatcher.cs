namespace ReportArchive.Preview;

/// <summary>Reports every file created, changed, deleted or renamed anywhere under the given folders, by its path (both paths
/// of a rename); when the system's queue of events overflowed, that changes were lost.</summary>
public sealed class FolderWatcher(params string[] folders) : IChangeSource
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public void Start(Action<string?> changed)
    {
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
            watcher.Changed += (_, e) => changed(e.FullPath);
            watcher.Created += (_, e) => changed(e.FullPath);
            watcher.Deleted += (_, e) => changed(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                changed(e.OldFullPath);
                changed(e.FullPath);
            };
            watcher.Error += (_, _) => changed(null);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose() => _watchers.ForEach(w => w.Dispose());
}
