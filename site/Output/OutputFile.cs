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

    /// <summary>The size of a file that was only counted (a check makes the site without keeping or writing it).</summary>
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
            WriteNew(target, Bytes!);
        }
    }

    /// <summary>Writes a file that does not exist yet (a staging folder starts empty). Opened without a lock and without
    /// truncation, a new file costs three system calls instead of File.WriteAllBytes's nine, which counts in a site of tens of
    /// thousands of files; an existing file is an error.</summary>
    public static void WriteNew(string target, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(target, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.Write(handle, bytes, 0);
    }
}
