using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using ReportArchive.Build;
using ReportArchive.Sources;

namespace ReportArchive.Output;

/// <summary>What the output folder and its spare hold, kept in the cache folder between builds: each file's size, time and a
/// hash of its bytes, and the pages made under each key naming everything they were made from. With it, a build over
/// an existing site knows which files of the spare already hold this build's bytes without reading them, and need not render
/// again the pages (a report's, a list's) whose key the last build rendered, when the spare holds them as they were. A key names
/// the program, the site inputs, and the files of the bundles the pages show (see <c>RenderContext</c>).</summary>
/// <remarks>Three files under <c>output/&lt;hash of the output path&gt;/</c>: <c>current.bin</c> describes the output folder,
/// <c>spare.bin</c> the spare, <c>next.bin</c> the site a build is about to swap in. A build takes <c>spare.bin</c> away before it
/// touches the spare and writes <c>next.bin</c> before the swap; after it, <c>current.bin</c> becomes <c>spare.bin</c> and
/// <c>next.bin</c> <c>current.bin</c>. A build that finds <c>next.bin</c> (its maker was killed near the swap, so which folder is
/// which is not known) trusts neither. A file of the spare is taken as described only while its size and time are as recorded;
/// a damaged or foreign manifest is no manifest.</remarks>
public sealed class OutputManifest
{
    private const string Magic = "reportarchive-output-2";

    private readonly string _folder;
    private readonly Dictionary<string, FileMark>? _spare;
    private readonly long _spareWritten;
    private readonly Dictionary<string, FileMark> _last;
    private readonly Dictionary<string, PagePlace[]> _lastReports;
    private readonly ConcurrentDictionary<string, FileMark> _made = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PagePlace[]> _reports = new(StringComparer.Ordinal);

    private OutputManifest(string output, string folder, Written? spare, Dictionary<string, FileMark> last, Dictionary<string, PagePlace[]> lastReports) =>
        (Output, _folder, _spare, _spareWritten, _last, _lastReports) = (output, folder, spare?.Files, spare?.Time ?? 0, last, lastReports);

    /// <summary>The output folder (its full path) whose files the manifest describes.</summary>
    public string Output { get; }

    /// <summary>The folder in the cache that holds what is kept about this output folder between builds.</summary>
    public string Folder => _folder;

    /// <summary>The manifests of <paramref name="outputDirectory"/> and its spare. Call it before the spare is touched: it takes the
    /// spare's manifest away, as the spare stops being what it describes.</summary>
    public static OutputManifest Open(string cacheFolder, string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var folder = Path.Combine(cacheFolder, "output", Hashes.Hex(output, 16));
        var (current, spare, next) = (Path.Combine(folder, "current.bin"), Path.Combine(folder, "spare.bin"), Path.Combine(folder, "next.bin"));
        Written? spareFiles = null;
        Dictionary<string, FileMark> lastFiles = new(StringComparer.Ordinal);
        Dictionary<string, PagePlace[]> lastReports = new(StringComparer.Ordinal);
        try
        {
            if (File.Exists(next))
            {
                File.Delete(next);
                File.Delete(current);
            }
            else
            {
                spareFiles = Read(spare, withPages: false); // of the spare, only its files are asked for
                if (Read(current) is { } last)
                {
                    (lastFiles, lastReports) = (last.Files, last.Reports);
                }
            }

            File.Delete(spare);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            spareFiles = null; // a spare.bin that could not be taken away may describe a spare this build changes
        }

        return new(output, folder, spareFiles, lastFiles, lastReports);
    }

    /// <summary>A hash of a file's bytes, as the manifest keeps it.</summary>
    public static UInt128 Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    /// <summary>Whether the spare's file at <paramref name="target"/> holds the bytes hashed to <paramref name="hash"/>: the spare's
    /// manifest says it was written so, and it has the size and time it was written with. The file as it stands when it does.</summary>
    public FileMark? SpareHolds(string path, long length, UInt128 hash, string target)
    {
        if (_spare is null || !_spare.TryGetValue(path, out var mark) || mark.Hash != hash || mark.Length != length)
        {
            return null;
        }

        var file = FileStat.Of(target);
        return file.Kind == FileKind.File && file.Length == mark.Length && file.Modified == mark.Time ? mark : null;
    }

    /// <summary>The spare's file at <paramref name="target"/> as the manifest records it, when the spare's manifest has it and it
    /// has the size and time it was written with; null otherwise.</summary>
    public FileMark? SpareHas(string path, string target) =>
        _spare is not null && _spare.TryGetValue(path, out var mark) ? SpareHolds(path, mark.Length, mark.Hash, target) : null;

    /// <summary>The spare's files as its manifest records them, and when it was written (ticks, UTC: every change the build that
    /// made the spare made to its folders came before); null without a manifest of the spare.</summary>
    public (IReadOnlyCollection<string> Files, long Written)? Spare => _spare is null ? null : (_spare.Keys, _spareWritten);

    /// <summary>The size of a file recorded as made by this build; null when none is.</summary>
    public long? MadeLength(string path) => _made.TryGetValue(path, out var mark) ? mark.Length : null;

    /// <summary>Records a file of the site as it stands in the folder being made.</summary>
    public void Made(string path, FileMark mark) => _made[path] = mark;

    /// <summary>The pages the last build made for <paramref name="key"/>, when the spare holds every one of them as it was made
    /// (then they are this build's too); null when they are to be rendered.</summary>
    public PagePlace[]? Reuse(string key, string staging)
    {
        if (!_lastReports.TryGetValue(key, out var places))
        {
            return null;
        }

        var marks = new FileMark[places.Length];
        for (var i = 0; i < places.Length; i++)
        {
            if (!_last.TryGetValue(places[i].Path, out var made)
                || SpareHolds(places[i].Path, made.Length, made.Hash, OutputFile.Target(staging, places[i].Path)) is not { } held)
            {
                return null;
            }

            marks[i] = held;
        }

        for (var i = 0; i < places.Length; i++)
        {
            Made(places[i].Path, marks[i]);
        }

        _reports[key] = places;
        return places;
    }

    /// <summary>Records the pages rendered for <paramref name="key"/>, for the next build.</summary>
    public void Rendered(string key, PagePlace[] places) => _reports[key] = places;

    /// <summary>Writes what the folder being made holds as <c>next.bin</c>; call it before the swap, with every file of the site
    /// recorded. Returns false when it could not be written (then the next build trusts no manifest).</summary>
    public bool Prepare() => SealedFile.Write(Path.Combine(_folder, "next.bin"), Magic, Write);

    /// <summary>After the swap: the output's manifest becomes the spare's, and the one prepared the output's. <paramref name="kept"/>
    /// says whether the previous site was kept as the spare.</summary>
    public void Commit(bool kept)
    {
        var (current, spare, next) = (Path.Combine(_folder, "current.bin"), Path.Combine(_folder, "spare.bin"), Path.Combine(_folder, "next.bin"));
        try
        {
            if (kept && File.Exists(current))
            {
                File.Move(current, spare, overwrite: true);
            }

            File.Move(next, current, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // next.bin left behind tells the next build to trust nothing.
        }
    }

    private void Write(BinaryWriter writer)
    {
        // In no order: a manifest is read into dictionaries, and holds the time it was written, so no two are the same bytes
        // anyway (sorting the paths of a 50,000-page site took a tenth of a second at the end of every build).
        writer.Write(DateTime.UtcNow.Ticks);
        var files = _made.ToList();
        var numbers = new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
        writer.Write(files.Count);
        foreach (var (path, mark) in files)
        {
            numbers[path] = numbers.Count;
            writer.Write(path);
            writer.Write(mark.Length);
            writer.Write(mark.Time);
            writer.Write((ulong)(mark.Hash >> 64));
            writer.Write((ulong)mark.Hash);
        }

        var reports = _reports.ToList();
        writer.Write(reports.Count);
        foreach (var (key, places) in reports)
        {
            writer.Write(key);
            writer.Write(places.Length);
            foreach (var place in places)
            {
                // A page's path by its number among the files (read back as the same string), or in full when it is not one.
                var number = numbers.GetValueOrDefault(place.Path, -1);
                writer.Write(number);
                if (number < 0)
                {
                    writer.Write(place.Path);
                }

                writer.Write(place.Listed is not null);
                writer.Write(place.Listed ?? "");
                writer.Write(place.Modified?.DayNumber ?? -1);
            }
        }
    }

    /// <summary>A manifest's files and reports; null when there is none or it cannot be read as written.</summary>
    private static Written? Read(string path, bool withPages = true) => SealedFile.Read(path, Magic, reader =>
    {
        var written = reader.ReadInt64();
        var names = new string[reader.ReadInt32()];
        var files = new Dictionary<string, FileMark>(names.Length, StringComparer.Ordinal);
        for (var n = 0; n < names.Length; n++)
        {
            var name = names[n] = KeptBytes.Text(reader);
            var (length, time) = (reader.ReadInt64(), reader.ReadInt64());
            var hash = new UInt128(reader.ReadUInt64(), reader.ReadUInt64());
            files[name] = new FileMark(length, time, hash);
        }

        var reports = new Dictionary<string, PagePlace[]>(StringComparer.Ordinal);
        for (var count = withPages ? reader.ReadInt32() : 0; count > 0; count--)
        {
            var key = KeptBytes.Text(reader);
            var places = new PagePlace[reader.ReadInt32()];
            for (var i = 0; i < places.Length; i++)
            {
                var number = reader.ReadInt32();
                var (place, listed, address, day) = (number < 0 ? KeptBytes.Text(reader) : (uint)number < (uint)names.Length ? names[number] : throw new InvalidDataException("a page's number is no file's"), reader.ReadBoolean(), KeptBytes.Text(reader), reader.ReadInt32());
                places[i] = new PagePlace(place, listed ? address : null, day < 0 ? null : DateOnly.FromDayNumber(day));
            }

            reports[key] = places;
        }

        return new Written(written, files, reports);
    });

    private sealed record Written(long Time, Dictionary<string, FileMark> Files, Dictionary<string, PagePlace[]> Reports);
}

/// <summary>A file as a manifest records it: its size, its time (ticks, UTC) and a hash of its bytes (zero for a file copied as it
/// is, a photo or an asset, whose name carries a hash of its bytes).</summary>
public readonly record struct FileMark(long Length, long Time, UInt128 Hash);

/// <summary>A page a report made: its file's path, the address the sitemap lists it under (null: not listed), and the date it
/// gives the sitemap.</summary>
public sealed record PagePlace(string Path, string? Listed, DateOnly? Modified);
