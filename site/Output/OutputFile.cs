namespace ReportArchive.Output;

/// <summary>A file of the built site: its path below the site root ('/'-separated), and its bytes or the file to copy them from.</summary>
public sealed record OutputFile(string Path, byte[]? Bytes, string? SourceFile = null)
{
    /// <summary>How every text file of the site is encoded: UTF-8 without a byte order mark.</summary>
    public static readonly System.Text.UTF8Encoding Utf8 = new(false);

    public static OutputFile Text(string path, string text) => new(path, Utf8.GetBytes(text));

    /// <summary>Where a site path lands below a folder on disk.</summary>
    public static string Target(string root, string path) => System.IO.Path.Combine(root, path.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>The file is already in the staging folder, at its place (written there by an <see cref="OutputSink"/>).</summary>
    public bool Staged { get; init; }

    /// <summary>The file's size when its bytes are not held: a file only counted (a check makes the site without keeping or writing
    /// it), or one the staging folder holds, whose size the sink knew.</summary>
    public long? Counted { get; init; }

    /// <summary>The file's size in bytes.</summary>
    public long Length => Bytes?.Length ?? Counted ?? new FileInfo(SourceFile!).Length;

    /// <summary>A file copied as it is (a cached photo), so that large files are not held in memory.</summary>
    public static OutputFile Copy(string path, string sourceFile) => new(path, null, sourceFile);

    public void WriteTo(string target)
    {
        if (SourceFile is not null)
        {
            File.Copy(SourceFile, target, overwrite: true);
        }
        else
        {
            Write(target, Bytes!, File.Exists(target));
        }
    }

    /// <summary>Whether <paramref name="target"/> already holds this file. A copied file (a photo from the cache) carries a hash of
    /// its bytes in its name, so the same name and size is the same file; any other is compared byte for byte.</summary>
    public bool IsAt(string target)
    {
        var existing = new FileInfo(target);
        return SourceFile is not null ? existing.Exists && existing.Length == Length : Holds(existing, Bytes!);
    }

    /// <summary>Whether <paramref name="existing"/> is a file that holds exactly <paramref name="bytes"/>: its size first, then its bytes.</summary>
    public static bool Holds(FileInfo existing, ReadOnlySpan<byte> bytes)
    {
        if (!existing.Exists || existing.Length != bytes.Length)
        {
            return false;
        }

        using var handle = File.OpenHandle(existing.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
        var held = new byte[bytes.Length];
        return KeptBytes.ReadAt(handle, held, 0) == bytes.Length && held.AsSpan().SequenceEqual(bytes);
    }

    /// <summary>Writes a file, replacing one that <paramref name="exists"/> (truncated first). Opened without a lock, a new file
    /// costs three system calls instead of File.WriteAllBytes's nine, which counts in a site of tens of thousands of files; a file
    /// said not to exist that does is an error. Returns the time it was written (ticks, UTC), as the file system records it.</summary>
    public static long Write(string target, ReadOnlySpan<byte> bytes, bool exists)
    {
        using var handle = File.OpenHandle(target, exists ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(handle, bytes, 0);
        return File.GetLastWriteTimeUtc(handle).Ticks;
    }
}
