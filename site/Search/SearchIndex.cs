using System.Collections.Concurrent;
using System.Text.Json;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Search;

/// <summary>Builds the search index of an archive as static files: a small table of contents (<c>search/index.json</c>), postings
/// sharded by term in sorted order (so that a word's prefix is one range of shards), the address of each report's page in each
/// language (results and excerpts are read from the page), and one filter file per department. All but the table of contents are
/// named by a hash of their bytes, which the table of contents lists: a reader never mixes files of two builds, and an edit
/// changes only the files whose bytes it changes (shards are cut where their terms say, not where the last one ended: see
/// <see cref="ShardWriter"/>).</summary>
/// <remarks>A posting list is a flat array of integers, one entry per record in ascending id order, the id as a gap from the
/// previous one. A single Chinese character or a word: <c>gap, weighted tf</c>. A pair of Chinese characters:
/// <c>gap, count, positions</c>, each position <c>4 * pos + field</c> as a gap from the previous one, so that a query of
/// three characters or more can demand its pairs be adjacent. Each record's length (which ranking weighs) is kept once, in the
/// lengths file (see <see cref="IndexFormat.Lengths"/>), not in every entry: an edit that changes a record's length changes that
/// file, not the entries of every term the record holds. The table of contents gives the total length, whence the average.</remarks>
public static class SearchIndex
{
    /// <summary>The size (in characters) a shard is cut at: see <see cref="ShardWriter"/>.</summary>
    public const int DefaultShardBytes = 16 * 1024;

    /// <summary>For each translation, which reports of the archive (newest first: the original's groups) it has, as bits in base64.</summary>
    private static Dictionary<string, string> ReportBitmaps(IReadOnlyList<Report> latestFirst, LanguageSet languages) =>
        languages.Translations.ToDictionary(l => l.Key, l =>
        {
            var bits = new byte[(latestFirst.Count + 7) / 8];
            for (var i = 0; i < latestFirst.Count; i++)
            {
                if (latestFirst[i].In(l.Key) is not null)
                {
                    bits[i >> 3] |= (byte)(1 << (i & 7));
                }
            }

            return Convert.ToBase64String(bits);
        });

    public static List<OutputFile> Build(IReadOnlyList<Report> latestFirst, Routes routes, int shardBytes = DefaultShardBytes, OutputSink? sink = null, IndexHistory? history = null)
    {
        var (records, shift) = SearchRecord.From(latestFirst, routes.Languages);
        var files = new IndexFiles(sink ?? OutputSink.InMemory);
        // Each record's length and, when the index is kept for the next build, a hash of its text.
        var marks = new RecordMark[records.Count];
        var shards = history?.Patch(records, shift, shardBytes, files, marks) ?? AllShards(records, shardBytes, files, marks, hashed: history is not null);

        // Each group once, by its head record (every group has one, its first). Groups are numbered from 0 in order, so the nth
        // address is the nth group's page.
        var heads = records.Where(r => r.Section is null).ToList();
        var pages = heads.Select(r => routes.Url(Route.Article(r.Lang, r.Report))).ToList();
        var pageNames = pages.Chunk(IndexFormat.PagesPerFile).Select(file => files.Put(JsonSerializer.SerializeToUtf8Bytes(file, JsonTypes.Index.StringArray))).ToList();

        var departments = heads.SelectMany(r => r.Report.Departments.Select(d => (Department: d, r.Group))).Distinct()
            .GroupBy(x => x.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var filterNames = departments.Select(d => files.Put(JsonSerializer.SerializeToUtf8Bytes(Gaps(d.Select(x => x.Group).Order()), JsonTypes.Index.ListInt32))).ToList();

        var lengthsName = files.Put(JsonSerializer.SerializeToUtf8Bytes(IndexFormat.Lengths(records, marks, shift), JsonTypes.Index.ListString));
        var byLanguage = heads.Select(r => (r.Group, r.Lang, r.Report.Year)).GroupBy(g => g.Lang).ToList();
        var toc = new IndexToc(
            Departments: [.. departments.Select(g => g.Key)],
            Filters: filterNames,
            Languages: byLanguage.ToDictionary(g => g.Key, g => new[] { g.Min(x => x.Group), g.Max(x => x.Group) + 1 }),
            Length: marks.Sum(m => (long)m.Length),
            Records: records.Count,
            LengthsFile: lengthsName,
            PagesPerFile: IndexFormat.PagesPerFile,
            Reports: ReportBitmaps(latestFirst, routes.Languages),
            Pages: pageNames,
            Shards: [.. shards.Select(s => s.FirstTerm)],
            ShardFiles: [.. shards.Select(s => s.Name)],
            Shift: shift,
            Years: byLanguage.ToDictionary(g => g.Key, g => g.GroupBy(x => x.Year).ToDictionary(
                y => y.Key.ToString("D4"), y => new[] { y.Min(x => x.Group), y.Max(x => x.Group) + 1 })));
        var tocBytes = JsonSerializer.SerializeToUtf8Bytes(toc, SearchJson.Index.IndexToc);
        history?.Keep(tocBytes, records, shift, shardBytes, marks, shards);
        return [files.Sink.Bytes(Routes.SearchFile(IndexFormat.TocFile), tocBytes), .. files.Written];
    }

    /// <summary>Every record analysed and every shard made. Records are analysed in parallel a batch at a time and merged at once,
    /// so that what they make dies young. A record's analysis is one array of (term id, value) pairs, grouped by term; a term's string is
    /// made once for the whole archive.</summary>
    private static List<ShardMark> AllShards(List<SearchRecord> records, int shardBytes, IndexFiles files, RecordMark[] marks, bool hashed)
    {
        var table = new TermTable();
        var postings = Postings(records, table, marks, hashed);
        return Shards(postings, table, shardBytes, files);
    }

    /// <summary>Every term's posting list, by term id, from every record analysed (the marks filled in).</summary>
    private static List<Posting?> Postings(List<SearchRecord> records, TermTable table, RecordMark[] marks, bool hashed)
    {
        var postings = new List<Posting?>();
        var batches = records.Chunk(256).ToArray();

        // The next batch is analysed while this one is merged.
        Task<(long[] Occurrences, int Length)[]> Analyse(SearchRecord[] batch, int from) => Task.Run(() =>
        {
            var analysed = new (long[] Occurrences, int Length)[batch.Length];
            Parallel.For(0, batch.Length, i =>
            {
                analysed[i] = RecordAnalysis.Occurrences(batch[i], table);
                marks[from + i] = new RecordMark(analysed[i].Length, hashed ? SearchRecord.Hash(batch[i].Fields) : default);
            });
            return analysed;
        });

        var next = batches.Length > 0 ? Analyse(batches[0], 0) : null;
        for (var b = 0; b < batches.Length; b++)
        {
            var batch = batches[b];
            var analysed = next!.GetAwaiter().GetResult();
            next = b + 1 < batches.Length ? Analyse(batches[b + 1], (b + 1) * 256) : null;
            for (var i = 0; i < batch.Length; i++)
            {
                var (occurrences, _) = analysed[i];
                for (var start = 0; start < occurrences.Length;)
                {
                    var term = (int)(occurrences[start] >> 32);
                    var end = start + 1;
                    while (end < occurrences.Length && (int)(occurrences[end] >> 32) == term)
                    {
                        end++;
                    }

                    while (postings.Count <= term)
                    {
                        postings.Add(null);
                    }

                    var posting = postings[term] ??= new Posting(table.IsPair(term));
                    posting.Add(batch[i].Id, occurrences.AsSpan(start, end - start));
                    start = end;
                }
            }
        }

        return postings;
    }

    /// <summary>Terms in sorted order, each entry encoded on every core, a chunk of terms at a time, as UTF-8 straight from its posting
    /// list. Shards are compressed and written on every core, a batch at a time, in the order they were cut.</summary>
    private static List<ShardMark> Shards(List<Posting?> postings, TermTable table, int shardBytes, IndexFiles files)
    {
        var cut = new List<byte[]>();
        var names = new List<string>();
        void Flush()
        {
            names.AddRange(files.StoreAll(cut));
            cut.Clear();
        }

        var shards = new ShardWriter(shardBytes, cut.Add);
        var sorted = table.Names.Select((name, id) => (Name: name, Id: id)).Where(t => postings[t.Id] is not null).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        foreach (var chunk in Batches(sorted, t => postings[t.Id]!.Bytes))
        {
            var entries = new byte[chunk.Length][];
            Parallel.For(0, chunk.Length, i => entries[i] = postings[chunk[i].Id]!.Entry(chunk[i].Name));
            for (var i = 0; i < chunk.Length; i++)
            {
                shards.Add(chunk[i].Name, entries[i]);
            }

            Flush();
        }

        shards.Cut();
        Flush();
        return [.. names.Select((name, i) => new ShardMark(shards.FirstTerms[i], name, shards.FirstChars[i]))];
    }

    /// <summary>Terms a batch at a time, each batch up to 256 terms or about 8 MiB of posting lists: the entries of a batch are
    /// made at once, and those of the commonest characters are megabytes each (256 of them at once took gigabytes).</summary>
    private static IEnumerable<T[]> Batches<T>(IEnumerable<T> items, Func<T, long> bytes)
    {
        var batch = new List<T>();
        var size = 0L;
        foreach (var item in items)
        {
            batch.Add(item);
            size += bytes(item);
            if (batch.Count == 256 || size >= 8L << 20)
            {
                yield return [.. batch];
                (batch, size) = ([], 0);
            }
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }

    private static List<int> Gaps(IEnumerable<int> ascending)
    {
        var result = new List<int>();
        var last = 0;
        foreach (var value in ascending)
        {
            result.Add(value - last);
            last = value;
        }

        return result;
    }
}

/// <summary>A record as the index holds it: its length in tokens, and a hash of its fields (zero when not kept).</summary>
internal readonly record struct RecordMark(int Length, UInt128 Hash);

/// <summary>A shard as the table of contents lists it (its first term, its file's name) and the size of its first entry.</summary>
internal sealed record ShardMark(string FirstTerm, string Name, int FirstChars);

/// <summary>The index's files as they are made, each named by a hash of its bytes and stored gzip-compressed (search.js inflates it):
/// a third of the bytes on disk. A file the spare holds under its name already is not compressed again; two files with the same
/// bytes are one file.</summary>
internal sealed class IndexFiles(OutputSink sink)
{
    private readonly ConcurrentDictionary<string, bool> _stored = new(StringComparer.Ordinal);

    public OutputSink Sink => sink;

    /// <summary>The files made, in the order they were made.</summary>
    public List<OutputFile> Written { get; } = [];

    private (string Name, OutputFile? File) Store(byte[] bytes)
    {
        var name = IndexFormat.Name(bytes);
        var path = Routes.SearchFile(IndexFormat.Stored(name));
        return (name, !_stored.TryAdd(name, true) ? null : sink.Holds(path) ?? sink.Bytes(path, IndexFormat.Compress(bytes)));
    }

    /// <summary>Stores a file; returns its name.</summary>
    public string Put(byte[] bytes)
    {
        var (name, file) = Store(bytes);
        if (file is not null)
        {
            Written.Add(file);
        }

        return name;
    }

    /// <summary>Stores files on every core; returns their names in order.</summary>
    public IEnumerable<string> StoreAll(IReadOnlyList<byte[]> all)
    {
        var done = new (string Name, OutputFile? File)[all.Count];
        Parallel.For(0, all.Count, i => done[i] = Store(all[i]));
        Written.AddRange(done.Select(d => d.File).OfType<OutputFile>());
        return done.Select(d => d.Name);
    }

    /// <summary>Stores a file of the last build's index as it was, compressed: the spare's copy when it holds one, else
    /// <paramref name="compressed"/> (read from the output folder).</summary>
    public void Keep(string name, Func<byte[]> compressed)
    {
        var path = Routes.SearchFile(IndexFormat.Stored(name));
        if (_stored.TryAdd(name, true))
        {
            Written.Add(sink.Holds(path) ?? sink.Bytes(path, compressed()));
        }
    }

    /// <summary>Whether the spare holds a file of the index under its name (then it need not be read).</summary>
    public bool SpareHolds(string name)
    {
        var path = Routes.SearchFile(IndexFormat.Stored(name));
        return sink.Manifest is { } manifest && manifest.SpareHas(path, OutputFile.Target(sink.Folder!, path)) is not null;
    }
}
