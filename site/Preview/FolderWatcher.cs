namespace ReportArchive.Preview;

/// <summary>Reports every file created, changed, deleted or renamed anywhere under the given folders.</summary>
public sealed class FolderWatcher(params string[] folders) : IChangeSource
{
    private readonly List<FileSystemWatcher> _watchers = [];

    public void Start(Action changed)
    {
        foreach (var folder in folders)
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true };
            watcher.Changed += (_, _) => changed();
            watcher.Created += (_, _) => changed();
            watcher.Deleted += (_, _) => changed();
            watcher.Renamed += (_, _) => changed();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    public void Dispose() => _watchers.ForEach(w => w.Dispose());
}
