using ReportArchive.Sources;

namespace ReportArchive.Output;

/// <summary>The files a staging folder (the spare) holds, found with as few system calls as its manifest allows.</summary>
public static class SpareFiles
{
    /// <summary>The site paths of the files a staging folder holds (made by <see cref="SiteWriter.PrepareStaging"/>): listed while the build
    /// runs, before or while it writes, so that the write need not look through the folder. A file the build writes may be listed
    /// or not: it is the site's either way, and only files that are not are removed.</summary>
    /// <remarks>With <paramref name="spare"/>, the files the spare's manifest records and when it was written, a folder of the
    /// spare is not read when its change time (which changes whenever an entry is added, removed or renamed in it, and which no
    /// program can set back) is older than the manifest by more than <see cref="FileTimes.Settle"/>: it holds the files the manifest records
    /// in it, and its recorded subfolders are looked at in the same way. Any other folder is read. A site has tens of thousands
    /// of folders, and reading one costs five system calls where looking at it costs one.</remarks>
    public static List<string>? Held(string staging, (IReadOnlyCollection<string> Files, long Written)? spare = null)
    {
        try
        {
            var top = Path.GetFullPath(staging).TrimEnd(Path.DirectorySeparatorChar);
            return spare is { } described ? Walked(top, described.Files, described.Written - FileTimes.Settle.Ticks) : Listed(top);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the write looks through the folder itself
        }
    }

    private static List<string> Walked(string top, IReadOnlyCollection<string> described, long unchangedBefore)
    {
        var (files, folders) = Recorded(described);
        var held = new List<string>();
        var pending = new Stack<string>([""]);
        while (pending.TryPop(out var folder))
        {
            var full = folder.Length == 0 ? top : OutputFile.Target(top, folder);
            var found = FileStat.Of(full);
            if (found.Kind != FileKind.Directory)
            {
                continue; // gone, or not a folder: its parent, changed since, lists what stands there
            }

            var recorded = folders.GetValueOrDefault(folder) ?? [];
            if (found.Changed < unchangedBefore)
            {
                held.AddRange(files[folder]);
                recorded.ForEach(pending.Push);
                continue;
            }

            var subfolders = recorded.ToHashSet(StringComparer.Ordinal);
            foreach (var (name, isFolder) in new System.IO.Enumeration.FileSystemEnumerable<(string, bool)>(full,
                (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory),
                new EnumerationOptions { AttributesToSkip = 0 }))
            {
                var path = folder.Length == 0 ? name : $"{folder}/{name}";
                if (!isFolder)
                {
                    held.Add(path);
                }
                else if (subfolders.Contains(path))
                {
                    pending.Push(path);
                }
                else
                {
                    held.AddRange(Listed(Path.Combine(full, name)).Select(p => $"{path}/{p}"));
                }
            }
        }

        return held;
    }

    /// <summary>The recorded files of each folder (site paths, "" the root) and its recorded subfolders.</summary>
    private static (Dictionary<string, List<string>> Files, Dictionary<string, List<string>> Folders) Recorded(IReadOnlyCollection<string> described)
    {
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [""] = [] };
        var folders = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [""] = [] };
        foreach (var path in described)
        {
            var slash = path.LastIndexOf('/');
            var folder = slash < 0 ? "" : path[..slash];
            if (!files.TryGetValue(folder, out var list))
            {
                files[folder] = list = [];
                for (var (child, parent) = (folder, Parent(folder)); ; (child, parent) = (parent, Parent(parent)))
                {
                    var known = folders.TryGetValue(parent, out var children);
                    if (!known)
                    {
                        folders[parent] = children = [];
                        files.TryAdd(parent, []);
                    }

                    children!.Add(child);
                    if (known || parent.Length == 0)
                    {
                        break;
                    }
                }
            }

            list.Add(path);
        }

        return (files, folders);
    }

    private static string Parent(string folder) => folder.LastIndexOf('/') is var slash and >= 0 ? folder[..slash] : "";

    internal static List<string> Listed(string top)
    {
        // Each file's site path made from the folder and name the enumeration holds: tens of thousands of files, each once.
        var files = new System.IO.Enumeration.FileSystemEnumerable<string>(top,
            (ref System.IO.Enumeration.FileSystemEntry entry) =>
            {
                var folder = entry.Directory.Length > top.Length ? entry.Directory[(top.Length + 1)..] : [];
                var path = folder.IsEmpty ? entry.FileName.ToString() : string.Concat(folder, "/", entry.FileName);
                return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
            },
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
        };
        return [.. files];
    }
}
