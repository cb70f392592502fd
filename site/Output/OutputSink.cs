namespace ReportArchive.Output;

/// <summary>Where rendered files go as they are made: kept in memory (the preview, <c>check</c>, tests), or written at once into
/// the staging folder that <see cref="SiteWriter"/> swaps in at the end, so that a large site is never held in memory whole.</summary>
public sealed class OutputSink
{
    private readonly string? _staging;

    // Folders already made: tens of thousands of files share a few thousand folders.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    private readonly bool _count;

    // The staging folder held nothing when the build began: a file is new unless this build wrote it, so it is created without
    // looking first (one system call where looking and creating took two).
    private readonly bool _empty;
    private int _written;
    private int _unchanged;

    /// <summary>How many files were written into the staging folder, and how many were already there as they should be.</summary>
    public (int Written, int Unchanged) Counts => (_written, _unchanged);

    private OutputSink(string? staging, bool count = false, OutputManifest? manifest = null, bool empty = false) =>
        (_staging, _count, Manifest, _empty) = (staging, count, manifest, empty);

    /// <summary>What the spare holds and what this build made, when the sink writes into a spare a manifest describes.</summary>
    public OutputManifest? Manifest { get; }

    /// <summary>The staging folder, when the sink writes into one.</summary>
    public string? Folder => _staging;

    public static OutputSink InMemory { get; } = new(null);

    /// <summary>Keeps only each file's size: a check makes the whole site to measure it, without holding or writing it.</summary>
    public static OutputSink Counting { get; } = new(null, count: true);

    public static OutputSink Staging(string folder, OutputManifest? manifest = null) =>
        new(folder, manifest: manifest, empty: !Directory.EnumerateFileSystemEntries(folder).Any());

    public OutputFile Text(string path, string text) => Bytes(path, OutputFile.Utf8.GetBytes(text));

    public OutputFile Bytes(string path, byte[] bytes)
    {
        if (_count)
        {
            return new OutputFile(path, null) { Counted = bytes.Length };
        }

        if (_staging is null)
        {
            return new OutputFile(path, bytes);
        }

        var target = OutputFile.Target(_staging, path);
        var folder = Path.GetDirectoryName(target)!;
        // The folder is in the set only once it exists: a file of the same folder written at the same time on another core must
        // not find the folder named but not made yet.
        _folders.GetOrAdd(folder, static f =>
        {
            Directory.CreateDirectory(f);
            return true;
        });

        // The staging folder may be the spare of the last build: a file already there with these bytes is left as it is. Its
        // manifest says so without reading the file; without one, the file is compared.
        var hash = Manifest is null ? default : OutputManifest.Hash(bytes);
        if (Manifest?.SpareHolds(path, bytes.Length, hash, target) is { } held)
        {
            Manifest.Made(path, held);
            return Kept(path);
        }

        long written;
        if (_empty)
        {
            written = OutputFile.Write(target, bytes, exists: false);
            Interlocked.Increment(ref _written);
        }
        else if (new FileInfo(target) is var existing && OutputFile.Holds(existing, bytes))
        {
            Interlocked.Increment(ref _unchanged);
            written = existing.LastWriteTimeUtc.Ticks;
        }
        else
        {
            written = OutputFile.Write(target, bytes, existing.Exists);
            Interlocked.Increment(ref _written);
        }

        Manifest?.Made(path, new FileMark(bytes.Length, written, hash));
        return new OutputFile(path, null, target) { Staged = true, Counted = bytes.Length };
    }

    /// <summary>The file at <paramref name="path"/> as the staging folder holds it, when its manifest says the spare holds a file
    /// there as it was written; for a file named by a hash of its bytes, that is the file this build makes, which need not be made.
    /// Null otherwise.</summary>
    public OutputFile? Holds(string path)
    {
        if (Manifest is null || Manifest.SpareHas(path, OutputFile.Target(_staging!, path)) is not { } held)
        {
            return null;
        }

        Manifest.Made(path, held);
        return Kept(path);
    }

    /// <summary>The files the last build made under <paramref name="digest"/> (a digest of everything they are made from; the
    /// program is added to it here), when the spare holds every one of them as it was made: then they are this build's too, and
    /// need not be made. Null otherwise, or when the sink writes into no spare with a manifest.</summary>
    public PagePlace[]? Reuse(string digest) => Manifest?.Reuse(Named(digest), _staging!);

    /// <summary>Records the files made under <paramref name="digest"/> (written through this sink), for the next build's
    /// <see cref="Reuse"/>.</summary>
    public void Record(string digest, PagePlace[] places) => Manifest?.Rendered(Named(digest), places);

    private static string Named(string digest) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(OutputFile.Utf8.GetBytes($"{ReportArchive.Reuse.ProgramIdentity.Value}|{digest}")))[..32];

    /// <summary>A file the staging folder holds already as this build makes it (the manifest said so, and gives its size).</summary>
    public OutputFile Kept(string path)
    {
        Interlocked.Increment(ref _unchanged);
        return new OutputFile(path, null, OutputFile.Target(_staging!, path)) { Staged = true, Counted = Manifest?.MadeLength(path) };
    }
}
