namespace ReportArchive.Output;

/// <summary>Writes the built site into a staging folder beside the output, then swaps it in with one rename,
/// so that a reader (or a failed build) never sees a half-written site.</summary>
public static class SiteWriter
{
    /// <summary>The staging folder beside <paramref name="outputDirectory"/>, emptied: files may be written into it while the site
    /// is built, and <see cref="Write"/> completes it and swaps it in (or <see cref="Discard"/> removes it).</summary>
    public static string PrepareStaging(string outputDirectory)
    {
        var (staging, _) = Folders(outputDirectory);
        DeleteIfExists(staging);
        Directory.CreateDirectory(staging);
        return staging;
    }

    public static void Discard(string outputDirectory) => DeleteIfExists(Folders(outputDirectory).Staging);

    private static (string Staging, string Retired) Folders(string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        return (Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}"),
            Path.Combine(parent, $".{Path.GetFileName(output)}.old-{Environment.ProcessId}"));
    }

    /// <summary>Writes into the staging folder (see <see cref="PrepareStaging"/>) the files not already there, then swaps it in
    /// for the output.</summary>
    public static void Write(string outputDirectory, IEnumerable<OutputFile> files)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var (staging, retired) = Folders(outputDirectory);
        DeleteIfExists(retired);

        try
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

            Parallel.ForEach(targets, t => t.File.WriteTo(t.Target));

            Directory.CreateDirectory(staging);
            if (Directory.Exists(output))
            {
                Directory.Move(output, retired);
            }

            Directory.Move(staging, output);
        }
        finally
        {
            DeleteIfExists(staging);
            DeleteIfExists(retired);
        }
    }

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
