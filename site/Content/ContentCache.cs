using System.Collections.Concurrent;
using System.Security.Cryptography;
using ReportArchive.Build;

namespace ReportArchive.Content;

/// <summary>Bundles as the last build read and checked them, kept on disk between builds (in the cache folder, beside the
/// encoded photos), so that a build reads and parses again only the bundles whose files changed. One file per year folder
/// (<c>content/&lt;yyyy&gt;.bin</c>), rewritten whole when a bundle of that year changed, always through a new file renamed
/// into place: a killed build leaves the last good file or none.</summary>
/// <remarks>A bundle's entry is used only while every file of the bundle (its language files, any other file beside them,
/// its photos) has the name, size and modification time it had when the bundle was read, and the program, the site inputs
/// (configuration, taxonomy, theme), the languages and the folder the build runs in are the ones the file was written under.
/// A file modified less than <see cref="Settle"/> before it was read is not trusted to show a later change in its time (file
/// systems keep times in coarse steps, and two writes within one step look alike): such a bundle is not kept, and is read
/// again by the next build. A bundle with a symbolic link in it is never kept. A file that cannot be read as this program
/// wrote it is ignored.</remarks>
public sealed class ContentCache
{
    /// <summary>How long after its last change a file's time is trusted to tell the next change.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly string _folder;
    private readonly string _context;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly ConcurrentDictionary<string, Chunk> _chunks = new(StringComparer.Ordinal);

    private ContentCache(string folder, string context) => (_folder, _context) = (folder, context);

    /// <summary>The cache of the bundles under <paramref name="input"/>, read and checked under <paramref name="siteFingerprint"/>.</summary>
    public static ContentCache Open(string cacheFolder, string input, string siteFingerprint, IEnumerable<string> languages) =>
        new(Path.Combine(cacheFolder, "content"),
            string.Join("\n", ProgramIdentity.Value, siteFingerprint, string.Join(",", languages), Environment.CurrentDirectory, Path.GetFullPath(input)));

    /// <summary>Names every bundle of the archive: what the cache holds of any other is dropped when it is saved. A bundle not
    /// asked for (the preview had it in memory) keeps its entry as it was.</summary>
    public void Expect(IEnumerable<string> bundles) => _expected = bundles.ToHashSet(StringComparer.Ordinal);

    private HashSet<string>? _expected;

    /// <summary>How many bundles were taken from the cache, and how many were read.</summary>
    public (int Reused, int Read) Counts => (_reused, _read);

    private int _reused;
    private int _read;

    /// <summary>The bundle as kept, when its files are as they were; otherwise <paramref name="read"/>'s result, kept for the next build.</summary>
    public (Report? Report, List<Diagnostic> Diagnostics) GetOrRead(string bundle, Func<(Report?, List<Diagnostic>)> read)
    {
        var chunk = _chunks.GetOrAdd(ChunkName(bundle), name => Chunk.Load(Path.Combine(_folder, name), _context));
        var before = BundleFiles.Scan(bundle);
        if (before is not null && chunk.TryGet(bundle, before, out var kept))
        {
            Interlocked.Increment(ref _reused);
            return kept;
        }

        var result = read();
        Interlocked.Increment(ref _read);
        // Kept only when no file changed while it was read, and none so lately that a change to come could keep its time.
        var after = BundleFiles.Scan(bundle);
        var settled = before is not null && after is not null && after.Stamp == before.Stamp && after.Newest < _started - Settle;
        chunk.Put(bundle, settled ? after : null, result);
        return result;
    }

    /// <summary>Writes the year files that changed, and drops the entries of bundles this build did not ask for. Returns how
    /// many bundles were read (and kept, unless too fresh). A cache that cannot be written is left as it is: the next build
    /// reads those bundles again.</summary>
    public int Save()
    {
        try
        {
            SaveChunks();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: nothing is lost but time.
        }

        return _read;
    }

    private void SaveChunks()
    {
        if (_expected is not { } expected)
        {
            return;
        }

        Directory.CreateDirectory(_folder);
        Parallel.ForEach(_chunks, pair => pair.Value.Save(Path.Combine(_folder, pair.Key), _context, expected));
        // The files of year folders that no longer hold a bundle.
        var years = expected.Select(ChunkName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_folder, "*.bin").Where(f => !years.Contains(Path.GetFileName(f))).ToList())
        {
            File.Delete(file);
        }
    }

    // Bundles are reports/<yyyy>/<slug>: one file for each year folder's bundles.
    private static string ChunkName(string bundle)
    {
        var year = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(bundle).TrimEnd(Path.DirectorySeparatorChar))) ?? "";
        return (year.Length > 0 && year.All(char.IsAsciiDigit) ? year : "other-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(year)))[..12]) + ".bin";
    }

    /// <summary>A bundle's files as found: the path, size and time of each (<see cref="Stamp"/>), and a hash of its language
    /// files' bytes with every file's path (<see cref="Contents"/>), for a bundle checked out again with new times but the same
    /// text. The checks read the photos' presence only, so their bytes are not hashed.</summary>
    private sealed record BundleFiles(string Bundle, string Stamp, DateTime Newest, IReadOnlyList<string> Paths)
    {
        /// <summary>The bundle's files, or null when one of them (or the bundle) is a symbolic link: such a bundle is never kept.</summary>
        public static BundleFiles? Scan(string bundle)
        {
            if (!Directory.Exists(bundle) || new DirectoryInfo(bundle).LinkTarget is not null)
            {
                return null;
            }

            var stamp = new System.Text.StringBuilder();
            var paths = new List<string>();
            var newest = DateTime.MinValue;
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            foreach (var entry in new DirectoryInfo(bundle).EnumerateFileSystemInfos("*", options).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.LinkTarget is not null)
                {
                    return null;
                }

                if (entry is FileInfo file)
                {
                    var path = Path.GetRelativePath(bundle, file.FullName);
                    var time = file.LastWriteTimeUtc;
                    newest = time > newest ? time : newest;
                    paths.Add(path);
                    stamp.Append(path).Append(':').Append(file.Length).Append(':').Append(time.Ticks).Append('|');
                }
            }

            return new BundleFiles(bundle, stamp.ToString(), newest, paths);
        }

        /// <summary>Every file's path, and the bytes of the Markdown files beside them (read through the one door).</summary>
        public string Contents => _contents ??= Hash();

        private string? _contents;

        private string Hash()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var root = ReportLoader.InputRoot(Bundle);
            foreach (var path in Paths)
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n"));
                if (!path.Contains(Path.DirectorySeparatorChar) && path.EndsWith(".md", StringComparison.Ordinal))
                {
                    var bytes = Sources.SourceFiles.TryReadBytes(root, Path.Combine(Bundle, path), Sources.SourceFiles.MaxTextBytes);
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{bytes?.Length ?? -1}\n"));
                    hash.AppendData(bytes ?? []);
                }
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    /// <summary>The kept bundles of one year folder: as read from its file (each entry's bytes, parsed only when used), and
    /// what this build read or used.</summary>
    private sealed class Chunk
    {
        private readonly Dictionary<string, ContentFormat.Entry> _stored;
        private readonly ConcurrentDictionary<string, ContentFormat.Entry?> _used = new(StringComparer.Ordinal);
        private int _changed;

        private Chunk(Dictionary<string, ContentFormat.Entry> stored) => _stored = stored;

        public static Chunk Load(string path, string context)
        {
            var stored = new Dictionary<string, ContentFormat.Entry>(StringComparer.Ordinal);
            try
            {
                if (File.Exists(path))
                {
                    ContentFormat.ReadEntries(File.ReadAllBytes(path), context, stored);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
            {
                stored.Clear(); // unreadable or written by another program: every bundle of the year is read again
            }

            return new Chunk(stored);
        }

        public bool TryGet(string bundle, BundleFiles files, out (Report?, List<Diagnostic>) kept)
        {
            kept = default;
            if (!_stored.TryGetValue(bundle, out var entry))
            {
                return false;
            }

            var same = entry.Stamp == files.Stamp;
            if (!same && entry.Contents != files.Contents)
            {
                return false;
            }

            try
            {
                kept = ContentFormat.ReadBundle(entry.Bytes);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
            {
                return false;
            }

            // The same text under new times (a new checkout): kept under the new times, once they are settled.
            if (same)
            {
                _used[bundle] = entry;
            }
            else
            {
                _used[bundle] = files.Newest < DateTime.UtcNow - Settle ? entry with { Stamp = files.Stamp } : null;
                Interlocked.Increment(ref _changed);
            }

            return true;
        }

        public void Put(string bundle, BundleFiles? files, (Report?, List<Diagnostic>) read)
        {
            _used[bundle] = files is null ? null : new ContentFormat.Entry(files.Stamp, files.Contents, ContentFormat.WriteBundle(read));
            Interlocked.Increment(ref _changed);
        }

        public void Save(string path, string context, HashSet<string> expected)
        {
            // What this build read or used, and what it did not ask for of the bundles that are still there.
            var kept = _used.Where(u => u.Value is not null).Select(u => (Bundle: u.Key, Entry: u.Value!))
                .Concat(_stored.Where(s => !_used.ContainsKey(s.Key) && expected.Contains(s.Key)).Select(s => (Bundle: s.Key, Entry: s.Value)))
                .Where(k => expected.Contains(k.Bundle)).OrderBy(k => k.Bundle, StringComparer.Ordinal).ToList();
            if (_changed == 0 && kept.Count == _stored.Count)
            {
                return; // every bundle as the file holds it
            }

            if (kept.Count == 0)
            {
                File.Delete(path);
                return;
            }

            var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
            try
            {
                File.WriteAllBytes(temporary, ContentFormat.WriteEntries(context, kept));
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
    }
}

/// <summary>What names this build of the program: entries written by another build of it may describe what it reads differently.</summary>
internal static class ProgramIdentity
{
    public static readonly string Value = Find();

    private static string Find()
    {
        try
        {
            return typeof(ProgramIdentity).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            // The program's own file, then, as it is on disk.
            var program = new FileInfo(Environment.ProcessPath ?? "");
            return program.Exists ? $"{program.FullName}:{program.Length}:{program.LastWriteTimeUtc.Ticks}" : Guid.NewGuid().ToString("N");
        }
    }
}
