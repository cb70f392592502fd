using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Search;

/// <summary>Builds the search index of an archive as static files: a small table of contents (<c>search/index.json</c>), postings
/// sharded by term in sorted order (so that a word's prefix is one range of shards), the address of each report's page in each
/// language (results and excerpts are read from the page), and one filter file per department. All but the table of contents sit in a folder
/// named by a hash of what they are made from, so that a reader never mixes files of two builds.</summary>
/// <remarks>A posting list is a flat array of integers, one entry per record in ascending id order, the id as a gap from the
/// previous one. A single Chinese character or a word: <c>gap, norm, weighted tf</c>. A pair of Chinese characters:
/// <c>gap, norm, count, positions</c>, each position <c>4 * pos + field</c> as a gap from the previous one, so that a query of
/// three characters or more can demand its pairs be adjacent. The norm is the record's length against the average, in eighths.</remarks>
public static class SearchIndex
{
    /// <summary>The size (in characters) a shard is cut at: see <see cref="ShardWriter"/>.</summary>
    public const int DefaultShardBytes = 16 * 1024;

    public static List<OutputFile> Build(IReadOnlyList<Report> latestFirst, Routes routes, int shardBytes = DefaultShardBytes, OutputSink? sink = null)
    {
        var basePath = routes.BasePath;
        var (records, shift) = SearchRecord.From(latestFirst, routes.Languages);

        // Records are analysed in parallel a batch at a time and merged at once, so that what they make dies young. A record's
        // analysis is one sorted array of (term id, value) pairs; a term's string is made once for the whole archive.
        var table = new TermTable();
        var postings = new List<Posting?>();
        var totalLength = 0L;
        var batches = records.Chunk(256).ToArray();

        // The next batch is analysed while this one is merged.
        Task<(long[] Occurrences, int Length)[]> Analyse(SearchRecord[] batch) => Task.Run(() =>
        {
            var analysed = new (long[] Occurrences, int Length)[batch.Length];
            Parallel.For(0, batch.Length, i => analysed[i] = RecordAnalysis.Occurrences(batch[i], table));
            return analysed;
        });

        var next = batches.Length > 0 ? Analyse(batches[0]) : null;
        for (var b = 0; b < batches.Length; b++)
        {
            var batch = batches[b];
            var analysed = next!.GetAwaiter().GetResult();
            next = b + 1 < batches.Length ? Analyse(batches[b + 1]) : null;
            for (var i = 0; i < batch.Length; i++)
            {
                var (occurrences, length) = analysed[i];
                totalLength += length;
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
                    posting.Add(batch[i].Id, length, occurrences.AsSpan(start, end - start));
                    start = end;
                }
            }
        }

        var averageLength = records.Count == 0 ? 1.0 : Math.Max(1.0, (double)totalLength / records.Count);

        // Files are handed to the sink as they are made (a large archive's index is hundreds of megabytes), in a folder named
        // by a hash of everything they are made from.
        var version = Version(records, shift, routes, shardBytes);
        var written = new List<OutputFile>();
        sink ??= OutputSink.InMemory;
        // Every file but the table of contents is stored gzip-compressed (search.js inflates it): a third of the bytes on disk.
        OutputFile Store(string name, byte[] bytes) => sink.Bytes(Routes.SearchFile(version, IndexFormat.Stored(name)), IndexFormat.Compress(bytes));
        void Put(string name, byte[] bytes) => written.Add(Store(name, bytes));

        // Terms in sorted order, each entry encoded on every core, a chunk of terms at a time, as UTF-8 straight from its posting list.
        // Shards are compressed and written on every core, a batch at a time, in the order they were cut.
        var cut = new List<(string Name, byte[] Bytes)>();
        void Flush()
        {
            var stored = new OutputFile[cut.Count];
            Parallel.For(0, cut.Count, i => stored[i] = Store(cut[i].Name, cut[i].Bytes));
            written.AddRange(stored);
            cut.Clear();
        }

        var shards = new ShardWriter(shardBytes, (name, bytes) => cut.Add((name, bytes)));
        var sorted = table.Names.Select((name, id) => (Name: name, Id: id)).Where(t => postings[t.Id] is not null).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        foreach (var chunk in Batches(sorted, t => postings[t.Id]!.Bytes))
        {
            var entries = new byte[chunk.Length][];
            Parallel.For(0, chunk.Length, i => entries[i] = postings[chunk[i].Id]!.Entry(chunk[i].Name, averageLength));
            for (var i = 0; i < chunk.Length; i++)
            {
                shards.Add(chunk[i].Name, entries[i]);
            }

            Flush();
        }

        shards.Cut();
        Flush();
        // Groups are numbered from 0 in order, so the nth address is the nth group's page.
        var pages = records.Where(r => r.Section is null).Select(r => routes.Url(Route.Article(r.Lang, r.Report))).ToList();
        foreach (var (file, i) in pages.Chunk(IndexFormat.PagesPerFile).Select((file, i) => (file, i)))
        {
            Put(IndexFormat.Pages(i), JsonSerializer.SerializeToUtf8Bytes(file, JsonTypes.Index.StringArray));
        }

        var departments = records.SelectMany(r => r.Report.Departments.Select(d => (Department: d, r.Group))).Distinct()
            .GroupBy(x => x.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var department in departments)
        {
            Put(IndexFormat.Filter(department.Key), JsonSerializer.SerializeToUtf8Bytes(Gaps(department.Select(x => x.Group).Order()), JsonTypes.Index.ListInt32));
        }

        var groups = records.Select(r => (r.Group, r.Lang, r.Report.Year)).Distinct().ToList();
        var byLanguage = records.Select(r => (r.Group, r.Lang, r.Report.Year)).Distinct().GroupBy(g => g.Lang).ToList();
        var toc = new IndexToc(
            Departments: [.. departments.Select(g => g.Key)],
            Languages: byLanguage.ToDictionary(g => g.Key, g => new[] { g.Min(x => x.Group), g.Max(x => x.Group) + 1 }),
            Records: records.Count,
            PagesPerFile: IndexFormat.PagesPerFile,
            Shards: shards.FirstTerms,
            Shift: shift,
            Folder: version,
            Years: byLanguage.ToDictionary(g => g.Key, g => g.GroupBy(x => x.Year).ToDictionary(
                y => y.Key.ToString("D4"), y => new[] { y.Min(x => x.Group), y.Max(x => x.Group) + 1 })));
        return [sink.Text(Routes.SearchFile(null, IndexFormat.TocFile), JsonSerializer.Serialize(toc, JsonTypes.Index.IndexToc)), .. written];
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

    /// <summary>A hash of everything the index files are made from: each record's place, report, language, date, departments and
    /// text, the id layout, the base path and the shard size. <see cref="IndexFormat.Version"/> changes with the files' layout.</summary>
    private static string Version(IReadOnlyList<SearchRecord> records, int shift, Routes routes, int shardBytes)
    {
        // Each record hashed on its own, on every core; then the format and the records' hashes in their order.
        var hashes = new byte[records.Count * 32];
        Parallel.For(0, records.Count, () => IncrementalHash.CreateHash(HashAlgorithmName.SHA256), (i, _, hash) =>
        {
            var r = records[i];
            Add(hash, $"{r.Id}|{r.Lang}|{routes.Path(Route.Article(r.Lang, r.Report))}|{r.Report.Date:O}|{r.Report.DateInferred}|{string.Join(",", r.Report.Departments)}|{r.Section?.Id}|{r.Section?.Heading}");
            foreach (var (field, text) in r.Fields)
            {
                Add(hash, $"{(int)field}|");
                Add(hash, text);
            }

            hash.GetHashAndReset(hashes.AsSpan(i * 32, 32));
            return hash;
        }, hash => hash.Dispose());

        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(all, $"{IndexFormat.Version}|{shift}|{routes.BasePath}|{shardBytes}");
        all.AppendData(hashes);
        return Convert.ToHexStringLower(all.GetHashAndReset())[..10];
    }

    /// <summary>Adds a text's UTF-8 and a separator to a hash, without an array for either.</summary>
    private static void Add(IncrementalHash hash, string text)
    {
        Span<byte> small = stackalloc byte[1024];
        var bytes = text.Length * 3 + 1 <= small.Length ? small : new byte[text.Length * 3 + 1];
        var length = Encoding.UTF8.GetBytes(text, bytes);
        bytes[length] = 0;
        hash.AppendData(bytes[..(length + 1)]);
    }
}
