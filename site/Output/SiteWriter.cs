namespace ReportArchive.Output;

/// <summary>Writes the built site into a staging folder beside the output, then swaps it in with one rename,
/// so that a reader (or a failed build) never sees a half-written site.</summary>
public static class SiteWriter
{
    public static void Write(string outputDirectory, IEnumerable<OutputFile> files)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}");
        var retired = Path.Combine(parent, $".{Path.GetFileName(output)}.old-{Environment.ProcessId}");
        DeleteIfExists(staging);
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

                targets.Add((file, Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar))));
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
