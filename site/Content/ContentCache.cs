using System.Collections.Concurrent;
using ReportArchive.Build;
using ReportArchive.Reuse;
using ReportArchive.Sources;

namespace ReportArchive.Content;

/// <summary>Bundles as the last build read and checked them, kept on disk between builds (in the cache folder, beside the
/// encoded photos), so that a build reads and parses again only the bundles whose files changed. One file per year folder
/// (<c>content/&lt;yyyy&gt;.bin</c>), rewritten whole when a bundle of that year changed, always through a new file renamed
/// into place: a killed build leaves the last good file or none.</summary>
/// <remarks>A bundle's entry is used only while every file of the bundle (its language files, any other file beside them,
/// its photos) has the name, size and modification time it had when the bundle was read, and the program, the site inputs
/// (configuration, taxonomy, theme), the languages and the folder the build runs in are the ones the file was written under.
/// A file modified less than <see cref="FileTimes.Settle"/> before it was read is not trusted to show a later change in its time (file
/// systems keep times in coarse steps, and two writes within one step look alike): such a bundle is kept only as what the build read (the search index is made from it), never taken as the bundle, and is read
/// again by the next build, as is a bundle checked out again (new times). A bundle with a symbolic link in it is never kept. A
/// file that cannot be read as this program wrote it is ignored.</remarks>
public sealed class ContentCache
{
    /// <summary>Before the files' state of a bundle kept as a build read it but not trusted to be so still (its files had changed just
    /// before): no bundle's files give such a state, so the next build reads it again.</summary>
    internal const string Unsettled = "\0unsettled|";


    // The folder the build runs in, asked once: bundles' full paths are made against it (asking for each is a system call).
    private readonly string _working = Environment.CurrentDirectory;

    private string FullPath(string bundle) => Path.GetFullPath(bundle, _working);

    private readonly string _folder;
    private readonly string _context;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly ConcurrentDictionary<string, Lazy<ContentChunk>> _chunks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Report> _previous = new(StringComparer.Ordinal);
    private HashSet<string>? _expected;
    private int _reused;
    private int _read;
    private int _mended;

    private readonly bool _keeping;

    private ContentCache(string folder, string context, bool keeping) => (_folder, _context, _keeping) = (folder, context, keeping);

    /// <summary>The cache of the bundles under <paramref name="input"/>, read and checked under <paramref name="siteFingerprint"/>.
    /// It is kept up to date when it holds bundles already, and started when <paramref name="startKeeping"/> says so (a build
    /// over a site it built before); otherwise it is only read.</summary>
    public static ContentCache Open(string cacheFolder, string input, string siteFingerprint, IEnumerable<string> languages, bool startKeeping = true)
    {
        var folder = Path.Combine(cacheFolder, "content");
        var keeping = startKeeping || (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.bin").Any());
        return new(folder, string.Join("\n", ProgramIdentity.Value, siteFingerprint, string.Join(",", languages), Environment.CurrentDirectory,
            Path.GetFullPath(input)), keeping);
    }

    /// <summary>Names every bundle of the archive: what the cache holds of any other is dropped when it is saved. A bundle not
    /// asked for (the preview had it in memory) keeps its entry as it was.</summary>
    public void Expect(IEnumerable<string> bundles) => _expected = bundles.ToHashSet(StringComparer.Ordinal);

    /// <summary>The bundles read again because their files changed, as the cache held them (the last build's reading), by folder.</summary>
    public IReadOnlyDictionary<string, Report> Previous => _previous;

    /// <summary>How many bundles were taken from the cache, and how many were read.</summary>
    public (int Reused, int Read) Counts => (_reused, _read);

    /// <summary>How many kept reports' text was not as kept when it was read (a damaged file), and was read again from the bundle's files.</summary>
    public int Mended => _mended;

    private readonly ConcurrentDictionary<string, string> _damaged = new(StringComparer.Ordinal);

    private void Damaged(string file, string why) => _damaged.TryAdd(file, why);

    /// <summary>A warning for each file of the cache found damaged (its reports were read again from their files, so the site is
    /// as it would be without the cache).</summary>
    public IEnumerable<Diagnostic> Warnings =>
        _damaged.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => Diagnostic.Warning("RA902", d.Key, 1,
            $"the content cache file is damaged ({d.Value}): the reports it kept were read again from their files; the next build writes it anew"));

    /// <summary>The bundle as kept, when its files are as they were; otherwise <paramref name="read"/>'s result, kept for the next build.</summary>
    public (Report? Report, List<Diagnostic> Diagnostics) GetOrRead(string bundle, Func<(Report?, List<Diagnostic>)> read)
    {
        if (!_keeping)
        {
            Interlocked.Increment(ref _read);
            return read(); // nothing kept, and nothing to keep
        }

        var name = ChunkName(bundle);
        var chunk = _chunks.GetOrAdd(name, _ => new(() => ContentChunk.Load(Path.Combine(_folder, name), _context, Damaged))).Value;
        var before = FileState(FullPath(bundle));
        (Report?, List<Diagnostic>) Again()
        {
            Interlocked.Increment(ref _mended);
            Damaged(Path.Combine(_folder, name), "a report's text in it is not as it was written");
            return read();
        }

        if (before is not null && chunk.TryGet(bundle, before.Value.Files, Again, out var kept))
        {
            Interlocked.Increment(ref _reused);
            return WithFileState(kept, bundle, before.Value.Files);
        }

        if (chunk.Previous(bundle) is { } previous)
        {
            _previous[previous.Directory] = previous;
        }

        var result = read();
        Interlocked.Increment(ref _read);
        chunk.Put(bundle, before, result);
        return before is { } found && found.Newest < _started - FileTimes.Settle ? WithFileState(result, bundle, found.Files) : result;
    }

    /// <summary>The report with its <see cref="Report.FileState"/>: the bundle's files as found, settled.</summary>
    private (Report?, List<Diagnostic>) WithFileState((Report? Report, List<Diagnostic> Diagnostics) read, string bundle, string files) =>
        (read.Report is { } report
            ? report with { FileState = Hashes.Hex($"{FullPath(bundle)}\n{files}", 32) }
            : null,
        read.Diagnostics);

    /// <summary>Writes the year files that changed and drops the entries of bundles that are gone (the build calls it once the
    /// bundles are read, beside the pages being made), then lets go of what it held. A cache that cannot be written is left as
    /// it is: the next build reads those bundles again.</summary>
    public int Save()
    {
        try
        {
            if (_keeping && _expected is { } expected)
            {
                Directory.CreateDirectory(_folder);
                Parallel.ForEach(_chunks, pair => pair.Value.Value.Save(Path.Combine(_folder, pair.Key), _context, expected, _started - FileTimes.Settle, b => FileState(FullPath(b))));
                // The files of year folders that no longer hold a bundle.
                var years = expected.Select(ChunkName).ToHashSet(StringComparer.Ordinal);
                foreach (var file in Directory.EnumerateFiles(_folder, "*.bin").Where(f => !years.Contains(Path.GetFileName(f))).ToList())
                {
                    File.Delete(file);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not kept: nothing is lost but time.
        }
        finally
        {
            _chunks.Clear();
        }

        return _read;
    }

    // Bundles are reports/<yyyy>/<slug>: one file for each year folder's bundles.
    private string ChunkName(string bundle)
    {
        var year = Path.GetFileName(Path.GetDirectoryName(FullPath(bundle).TrimEnd(Path.DirectorySeparatorChar))) ?? "";
        return (year.Length > 0 && year.All(char.IsAsciiDigit) ? year : "other-" + Hashes.Hex(year, 12)) + ".bin";
    }

    /// <summary>The path, size and time of every file of a bundle (its photos included), and the latest of the times; null when
    /// the bundle, its year folder or one of its files is a symbolic link: such a bundle is never kept. <paramref name="folder"/>
    /// is the bundle's full path.</summary>
    private static (string Files, DateTime Newest)? FileState(string folder)
    {
        folder = folder.TrimEnd(Path.DirectorySeparatorChar);
        if (FileStat.Of(folder).Kind != FileKind.Directory || (Path.GetDirectoryName(folder) is { } parent && FileStat.Of(parent).Kind == FileKind.Link))
        {
            return null;
        }

        // The names only (the enumeration looks at no file), then one look at each: a build looks at every bundle of the archive.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        var paths = new System.IO.Enumeration.FileSystemEnumerable<string>(folder, (ref System.IO.Enumeration.FileSystemEntry entry) => entry.ToFullPath(), options).ToList();
        paths.Sort(StringComparer.Ordinal);
        var state = new System.Text.StringBuilder();
        var newest = 0L;
        foreach (var path in paths)
        {
            var found = FileStat.Of(path);
            if (found.Kind == FileKind.Link)
            {
                return null;
            }

            if (found.Kind is FileKind.File or FileKind.Other)
            {
                newest = Math.Max(newest, found.Modified);
                state.Append(path.AsSpan(folder.Length + 1)).Append(':').Append(found.Length).Append(':').Append(found.Modified).Append('|');
            }
        }

        return (state.ToString(), new DateTime(newest, DateTimeKind.Utc));
    }
}
