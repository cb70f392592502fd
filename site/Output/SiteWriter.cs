using System.Runtime.InteropServices;

namespace ReportArchive.Output;

/// <summary>Writes the built site into a staging folder beside the output, then swaps it in, so that a reader (or a failed or killed
/// build) never sees a half-written site and <c>output/</c> exists at every instant: on Linux the two folders are exchanged in one
/// system call (renameat2 with RENAME_EXCHANGE); elsewhere the old folder is renamed aside and put back if the second rename fails.
/// The staging folder has a fixed name (<c>.output.staging</c>), so what a killed build leaves is removed by the next one.</summary>
public static class SiteWriter
{
    /// <summary>The staging folder beside <paramref name="outputDirectory"/>, emptied: files may be written into it while the site
    /// is built, and <see cref="Write"/> completes it and swaps it in (or <see cref="Discard"/> removes it).</summary>
    public static string PrepareStaging(string outputDirectory)
    {
        var output = Full(outputDirectory);
        if (File.Exists(output))
        {
            throw new IOException($"{outputDirectory} is a file, not a folder: move it away or choose another --output");
        }

        var (staging, retired) = Folders(outputDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        DeleteIfExists(staging);
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

    /// <summary>Writes into the staging folder (see <see cref="PrepareStaging"/>) the files not already there, then swaps it in for
    /// the output. Returns a warning when the previous site could not be removed afterwards (the new one is in place).</summary>
    public static string? Write(string outputDirectory, IEnumerable<OutputFile> files)
    {
        var output = Full(outputDirectory);
        var (staging, retired) = Folders(outputDirectory);
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

        Parallel.ForEach(targets, t => t.File.WriteTo(t.Target));

        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return null;
        }

        string old;
        if (Exchange(staging, output))
        {
            old = staging; // the previous site now stands where the staging folder was
        }
        else
        {
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

            old = retired;
        }

        try
        {
            DeleteIfExists(old);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the new site is in {outputDirectory}/, but the previous one could not be removed from {old} ({e.Message}); the next build removes it";
        }
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
