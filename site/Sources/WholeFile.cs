namespace ReportArchive.Sources;

/// <summary>A file written whole or not at all: into a new file beside it (created new, so that a file or link already standing
/// under the temporary name is never opened through), then renamed over it. A killed program leaves the old file or the new one,
/// never part of either.</summary>
public static class WholeFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
