using System.Runtime.InteropServices;
using ReportArchive.Sources;

namespace ReportArchive.Output;

/// <summary>Writes the built site into a staging folder beside the output, then swaps it in, so that a reader (or a failed or killed
/// build) never sees a half-written site and <c>output/</c> exists at every instant: on Linux the two folders are exchanged in one
/// system call (renameat2 with RENAME_EXCHANGE); elsewhere the old folder is renamed aside and put back if the second rename fails.
/// After the swap the previous site stays in the staging folder (<c>.output.staging</c>) as the spare that the next build brings
/// up to date: it writes only the files whose bytes differ from what the spare holds and removes only the files that are gone,
/// so no build deletes a whole tree. What a killed build leaves in the spare is compared like the rest, and mended.</summary>
public static class SiteWriter
{
    /// <summary>The staging folder beside <paramref name="outputDirectory"/>: the spare kept by the last build (or a new, empty one).
    /// Files are written into it while the site is built, and <see cref="Write"/> completes it and swaps it in (or <see cref="Discard"/>
    /// removes it).</summary>
    public static string PrepareStaging(string outputDirectory)
    {
        var output = Full(outputDirectory);
        if (File.Exists(output))
        {
            throw new IOException($"{outputDirectory} is a file, not a folder: move it away or choose another --output");
        }

        var (staging, retired) = Folders(outputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        DeleteIfExists(retired);
        // Folders left by versions that named them by process id.
        foreach (var leftover in Directory.EnumerateDirectories(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.*-*"))
        {
            DeleteIfExists(leftover);
        }

        Directory.CreateDirectory(staging);
        return staging;
    }

    public static void Discard(string outputDirectory)
    {
        try
        {
            DeleteIfExists(Folders(outputDirectory).Staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next build removes it; the failure that brought us here is the one to report.
        }
    }

    private static string Full(string outputDirectory) => Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);

    private static (string Staging, string Retired) Folders(string outputDirectory)
    {
        var output = Full(outputDirectory);
        var parent = Path.GetDirectoryName(output)!;
        return (Path.Combine(parent, $".{Path.GetFileName(output)}.staging"), Path.Combine(parent, $".{Path.GetFileName(output)}.old"));
    }

    /// <summary>Writes into the staging folder (see <see cref="PrepareStaging"/>) the files not already there as they should be,
    /// removes the files the site no longer has, then swaps it in for the output. Returns what it did, and a warning when the
    /// previous site could not be kept as the next build's spare (the new one is in place). With a <paramref name="manifest"/>
    /// (which holds every file the sink wrote), the files copied here are added to it, and it follows the folders through the swap.
    /// With <paramref name="held"/>, the files the staging folder held before this build wrote into it (<see cref="SpareFiles.Held"/>), the
    /// files to remove are found among them instead of by looking through the folder now.</summary>
    public static WriteReport Write(string outputDirectory, IEnumerable<OutputFile> files, OutputManifest? manifest = null, IReadOnlyList<string>? held = null)
    {
        var (staging, _) = Folders(outputDirectory);
        var report = Complete(staging, files, manifest, held);
        // The manifest of the new site is written before the swap, and takes its place after it (see OutputManifest).
        var described = manifest?.Prepare() ?? false;
        return Swap(outputDirectory, kept =>
        {
            if (described)
            {
                manifest!.Commit(kept);
            }
        }) is { } warning ? report with { Warning = warning } : report;
    }

    /// <summary>Writes into the staging folder the files not already there as they should be, and removes the files the site no longer has.</summary>
    private static WriteReport Complete(string staging, IEnumerable<OutputFile> files, OutputManifest? manifest, IReadOnlyList<string>? held)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var targets = new List<(OutputFile File, string Target)>();
        foreach (var file in files)
        {
            if (!seen.Add(file.Path))
            {
                throw new InvalidOperationException($"two outputs claim the same path '{file.Path}'");
            }

            if (!file.Staged)
            {
                targets.Add((file, OutputFile.Target(staging, file.Path)));
            }
        }

        // Each folder is made once, then the files are written on every core: a site has tens of thousands of small files.
        foreach (var folder in targets.Select(t => Path.GetDirectoryName(t.Target)!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(folder);
        }

        var copied = 0;
        Parallel.ForEach(targets, t =>
        {
            if (!t.File.IsAt(t.Target))
            {
                t.File.WriteTo(t.Target);
                Interlocked.Increment(ref copied);
            }

            if (manifest is not null)
            {
                var written = new FileInfo(t.Target);
                manifest.Made(t.File.Path, new FileMark(written.Length, written.LastWriteTimeUtc.Ticks, default));
            }
        });
        return new WriteReport(copied, RemoveAllBut(staging, seen, held), null);
    }

    /// <summary>Swaps the staging folder in for the output, keeping the previous site as the spare; <paramref name="commit"/> is told
    /// whether it was kept. Returns a warning when it could not be (the new site is in place).</summary>
    private static string? Swap(string outputDirectory, Action<bool> commit)
    {
        var output = Full(outputDirectory);
        var (staging, retired) = Folders(outputDirectory);
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            commit(false);
            return null;
        }

        if (Exchange(staging, output))
        {
            commit(true);
            return null; // the previous site now stands where the staging folder was: the next build's spare
        }

        Directory.Move(output, retired);
        var swapped = false;
        try
        {
            Directory.Move(staging, output);
            swapped = true;
        }
        finally
        {
            if (!swapped)
            {
                Directory.Move(retired, output); // put the previous site back; the failure itself goes on to the caller
            }
        }

        try
        {
            Directory.Move(retired, staging);
            commit(true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            commit(false);
            return $"the new site is in {outputDirectory}/, but the previous one could not be kept as the next build's spare ({e.Message}); the next build removes it from {retired}";
        }
    }

    /// <summary>Removes every file of <paramref name="root"/> whose site path is not in <paramref name="keep"/>, and the folders
    /// left empty, looking among <paramref name="held"/> when given. Returns how many files it removed.</summary>
    private static int RemoveAllBut(string root, HashSet<string> keep, IReadOnlyList<string>? held)
    {
        var removed = 0;
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        var top = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var path in held ?? SpareFiles.Listed(top))
        {
            if (!keep.Contains(path))
            {
                var file = OutputFile.Target(top, path);
                File.Delete(file);
                emptied.Add(Path.GetDirectoryName(file)!);
                removed++;
            }
        }

        // Only the folders that lost a file may be empty now, and then their parents: deepest first, so that a folder emptied by
        // its children's removal goes too (looking into every folder of a large site took seconds).
        var rootFolder = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var folder in emptied.OrderByDescending(d => d.Length).ThenBy(d => d, StringComparer.Ordinal))
        {
            for (var current = folder; current is not null && Path.GetFullPath(current).TrimEnd(Path.DirectorySeparatorChar) != rootFolder
                && Directory.Exists(current) && !Directory.EnumerateFileSystemEntries(current).Any(); current = Path.GetDirectoryName(current))
            {
                Directory.Delete(current);
            }
        }

        return removed;
    }

    /// <summary>Swaps two folders in one step where the system can; false where it cannot (then nothing changed).</summary>
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);

    /// <summary>Deletes a folder and everything in it, the files on every core first.</summary>
    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Parallel.ForEach(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories), File.Delete);
            Directory.Delete(directory, recursive: true);
        }
    }
}

/// <summary>What a write did: the files it copied in (photos and assets not already there), the files it removed because the site
/// no longer has them, and a warning when the previous site could not be kept as the spare.</summary>
public sealed record WriteReport(int Copied, int Removed, string? Warning);
