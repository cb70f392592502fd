using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
/// previous one. A single Chinese character or a word: <c>gap, norm, weighted tf</c>. A pair of Chinese characters:
/// <c>gap, norm, count, positions</c>, each position <c>4 * pos + field</c> as a gap from the previous one, so that a query of
/// three characters or more can demand its pairs be adjacent. The norm is the record's length against the average, in eighths.</remarks>
public static class SearchIndex
{
    /// <summary>The size (in characters) a shard is cut at: see <see cref="ShardWriter"/>.</summary>
    public const int DefaultShardBytes = 16 * 1024;

    public static List<OutputFile> Build(IReadOnlyList<Report> latestFirst, Routes routes, int shardBytes = DefaultShardBytes, OutputSink? sink = null)
    {
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

        // Files are handed to the sink as they are made (a large archive's index is hundreds of megabytes), each named by a hash of
        // its bytes: an edit changes the names of only the files it changes, and a reader never mixes files of two builds.
        var written = new List<OutputFile>();
        sink ??= OutputSink.InMemory;
        var stored = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        // Every file but the table of contents is stored gzip-compressed (search.js inflates it): a third of the bytes on disk. A
        // file the spare holds under its name already is not compressed again; two files with the same bytes are one file.
        (string Name, OutputFile? File) Store(byte[] bytes)
        {
            var name = IndexFormat.Name(bytes);
            var path = Routes.SearchFile(IndexFormat.Stored(name));
            return (name, !stored.TryAdd(name, true) ? null : sink.Holds(path) ?? sink.Bytes(path, IndexFormat.Compress(bytes)));
        }

        string Put(byte[] bytes)
        {
            var (name, file) = Store(bytes);
            if (file is not null)
            {
                written.Add(file);
            }

            return name;
        }

        // Terms in sorted order, each entry encoded on every core, a chunk of terms at a time, as UTF-8 straight from its posting list.
        // Shards are compressed and written on every core, a batch at a time, in the order they were cut.
        var cut = new List<byte[]>();
        var shardNames = new List<string>();
        void Flush()
        {
            var done = new (string Name, OutputFile? File)[cut.Count];
            Parallel.For(0, cut.Count, i => done[i] = Store(cut[i]));
            shardNames.AddRange(done.Select(d => d.Name));
            written.AddRange(done.Select(d => d.File).OfType<OutputFile>());
            cut.Clear();
        }

        var shards = new ShardWriter(shardBytes, cut.Add);
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
        var pageNames = pages.Chunk(IndexFormat.PagesPerFile).Select(file => Put(JsonSerializer.SerializeToUtf8Bytes(file, JsonTypes.Index.StringArray))).ToList();

        var departments = records.SelectMany(r => r.Report.Departments.Select(d => (Department: d, r.Group))).Distinct()
            .GroupBy(x => x.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var filterNames = departments.Select(d => Put(JsonSerializer.SerializeToUtf8Bytes(Gaps(d.Select(x => x.Group).Order()), JsonTypes.Index.ListInt32))).ToList();

        var byLanguage = records.Select(r => (r.Group, r.Lang, r.Report.Year)).Distinct().GroupBy(g => g.Lang).ToList();
        var toc = new IndexToc(
            Departments: [.. departments.Select(g => g.Key)],
            Filters: filterNames,
            Languages: byLanguage.ToDictionary(g => g.Key, g => new[] { g.Min(x => x.Group), g.Max(x => x.Group) + 1 }),
            Records: records.Count,
            PagesPerFile: IndexFormat.PagesPerFile,
            Pages: pageNames,
            Shards: shards.FirstTerms,
            ShardFiles: shardNames,
            Shift: shift,
            Years: byLanguage.ToDictionary(g => g.Key, g => g.GroupBy(x => x.Year).ToDictionary(
                y => y.Key.ToString("D4"), y => new[] { y.Min(x => x.Group), y.Max(x => x.Group) + 1 })));
        return [sink.Text(Routes.SearchFile(IndexFormat.TocFile), JsonSerializer.Serialize(toc, JsonTypes.Index.IndexToc)), .. written];
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
