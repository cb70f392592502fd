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
            foreach (var file in files)
            {
                if (!seen.Add(file.Path))
                {
                    throw new InvalidOperationException($"two outputs claim the same path '{file.Path}'");
                }

                var target = Path.Combine(staging, file.Path.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                file.WriteTo(target);
            }

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

    private static void DeleteIfExists(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
