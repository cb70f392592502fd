using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Search;

/// <summary>The archive a search index is built from: its reports, latest first, and the base path its links carry.</summary>
public sealed record SearchSource(IReadOnlyList<Report> LatestFirst, Routes Routes)
{
    public List<OutputFile> Build(OutputSink? sink = null) => SearchIndex.Build(LatestFirst, Routes, sink: sink);
}

/// <summary>Builds the search index of an archive as static files: a small table of contents (<c>search/index.json</c>), postings
/// sharded by term in sorted order (so that a word's prefix is one range of shards), one file of fragments per report and
/// language for results and excerpts, and one filter file per department. All but the table of contents sit in a folder
/// named by a hash of what they are made from, so that a reader never mixes files of two builds.</summary>
/// <remarks>A posting list is a flat array of integers, one entry per record in ascending id order, the id as a gap from the
/// previous one. A single Chinese character or a word: <c>gap, norm, weighted tf</c>. A pair of Chinese characters:
/// <c>gap, norm, count, positions</c>, each position <c>4 * pos + field</c> as a gap from the previous one, so that a query of
/// three characters or more can demand its pairs be adjacent. The norm is the record's length against the average, in eighths.</remarks>
public static class SearchIndex
{
    /// <summary>A shard is cut before a term that would take it past this size, so that a term with a long posting list sits
    /// alone and a query for a rare term never pays for a common one.</summary>
    public const int DefaultShardBytes = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
            Parallel.For(0, batch.Length, i => analysed[i] = Occurrences(batch[i], table));
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
        void Put(string name, byte[] bytes) => written.Add(sink.Bytes($"search/{version}/{name}", bytes));

        // Terms in sorted order, a shard cut before the term that would take it past shardBytes characters. A term's entry is
        // encoded on every core, a chunk of terms at a time, as UTF-8 straight from its posting list.
        var firstTerms = new List<string>();
        var shard = new ArrayBufferWriter<byte>(shardBytes * 2);
        var shardChars = 0;
        void CutShard()
        {
            if (shardChars > 0)
            {
                shard.Write("}"u8);
                Put($"s{firstTerms.Count - 1}.json", shard.WrittenSpan.ToArray());
                shard.ResetWrittenCount();
                shardChars = 0;
            }
        }

        var sorted = table.Names.Select((name, id) => (Name: name, Id: id)).Where(t => postings[t.Id] is not null).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        foreach (var chunk in sorted.Chunk(256))
        {
            var entries = new byte[chunk.Length][];
            Parallel.For(0, chunk.Length, i => entries[i] = postings[chunk[i].Id]!.Entry(chunk[i].Name, averageLength));
            for (var i = 0; i < chunk.Length; i++)
            {
                var term = chunk[i].Name;
                var chars = entries[i].Length - OutputFile.Utf8.GetByteCount(term) + term.Length;
                if (shardChars > 0 && shardChars + chars > shardBytes)
                {
                    CutShard();
                }

                if (shardChars == 0)
                {
                    firstTerms.Add(term);
                }

                shard.Write(shardChars == 0 ? "{"u8 : ","u8);
                shard.Write(entries[i]);
                shardChars += 1 + chars;
            }
        }

        CutShard();
        var reports = records.GroupBy(r => r.Group).ToArray();
        var fragments = new OutputFile[reports.Length];
        Parallel.For(0, reports.Length, i => fragments[i] = sink.Bytes($"search/{version}/g{reports[i].Key}.json",
            JsonSerializer.SerializeToUtf8Bytes(Fragments([.. reports[i]], routes), Json)));
        written.AddRange(fragments);

        var departments = records.SelectMany(r => r.Report.Departments.Select(d => (Department: d, r.Group))).Distinct()
            .GroupBy(x => x.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var department in departments)
        {
            Put($"f-{department.Key}.json", JsonSerializer.SerializeToUtf8Bytes(Gaps(department.Select(x => x.Group).Order()), Json));
        }

        var groups = records.Select(r => (r.Group, r.Lang, r.Report.Year)).Distinct().ToList();
        var toc = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["v"] = version,
            ["shift"] = shift,
            ["n"] = records.Count,
            ["langs"] = groups.GroupBy(g => g.Lang).ToDictionary(g => g.Key, g => new[] { g.Min(x => x.Group), g.Max(x => x.Group) + 1 }),
            ["years"] = groups.GroupBy(g => g.Lang).ToDictionary(g => g.Key, g => g.GroupBy(x => x.Year).ToDictionary(
                y => y.Key.ToString("D4"), y => new[] { y.Min(x => x.Group), y.Max(x => x.Group) + 1 })),
            ["departments"] = departments.Select(g => g.Key).ToList(),
            ["shards"] = firstTerms,
        };
        return [sink.Text("search/index.json", JsonSerializer.Serialize(toc, Json)), .. written];
    }

    /// <summary>What results show of one report in one language: its link, title, language and date, and for each of its
    /// records (the head first, then the sections) the section's id and heading and the record's text. One file per report
    /// and language keeps the site's file count near its page count.</summary>
    private static Dictionary<string, object> Fragments(IReadOnlyList<SearchRecord> group, Routes routes)
    {
        var first = group[0];
        var translation = first.Report.In(first.Lang)!;
        return new Dictionary<string, object>
        {
            ["u"] = routes.Url(Route.Article(first.Lang, first.Report)),
            ["t"] = translation.Title,
            ["l"] = first.Lang,
            ["d"] = routes.Languages[first.Lang].FormatDate(first.Report.Date, first.Report.DateInferred),
            ["r"] = group.Select(r => new Dictionary<string, string?>
            {
                ["s"] = r.Section?.Id,
                ["h"] = r.Section?.Heading,
                ["x"] = string.Join("\n", (r.Section is null ? r.Fields.Where(f => f.Field != Field.Title) : r.Fields.Skip(1)).Select(f => f.Text)),
            }).ToList(),
        };
    }

    /// <summary>A record's terms: every Chinese character and every word with its weighted count, every pair of adjacent
    /// Chinese characters with its positions. Tokens are one position apart, so that no pair spans two runs or two fields.
    /// (The index uses <see cref="Occurrences"/>; this is its readable form.)</summary>
    public static RecordTerms Analyse(SearchRecord record)
    {
        var table = new TermTable();
        var (occurrences, length) = Occurrences(record, table);
        var terms = new Dictionary<string, TermEntry>(StringComparer.Ordinal);
        foreach (var occurrence in occurrences)
        {
            var id = (int)(occurrence >> 32);
            var value = (int)(occurrence & 0xFFFFFFFF);
            var entry = terms.TryGetValue(table.Names[id], out var e) ? e : terms[table.Names[id]] = new TermEntry();
            if (table.IsPair(id))
            {
                (entry.Positions ??= []).Add(value);
            }
            else
            {
                entry.Weighted += value;
            }
        }

        return new RecordTerms(terms, length);
    }

    /// <summary>A record's terms as one sorted array of <c>term id &lt;&lt; 32 | value</c>: a weight for a character or a
    /// word (summed by the merge), a tagged position for a pair (ascending within the term). And the record's length.</summary>
    private static (long[] Occurrences, int Length) Occurrences(SearchRecord record, TermTable table)
    {
        var found = new List<long>(1024);
        var position = 0;
        var length = 0;
        var starts = new int[64];
        var weight = 0;
        var field = Field.Body;
        void Add(ReadOnlySpan<char> term, int value) => found.Add(((long)table.Id(term) << 32) | (uint)value);
        void Take(TokenKind kind, ReadOnlySpan<char> run, int start, int end)
        {
            if (kind == TokenKind.Word)
            {
                Add(run, weight);
                length++;
                position += 2;
                return;
            }

            // The start of each character of the run (a character outside the BMP takes two UTF-16 units).
            if (starts.Length <= run.Length)
            {
                starts = new int[run.Length * 2];
            }

            var count = 0;
            for (var i = 0; i < run.Length; i += char.IsHighSurrogate(run[i]) && i + 1 < run.Length ? 2 : 1)
            {
                starts[count++] = i;
            }

            starts[count] = run.Length;
            for (var k = 0; k < count; k++)
            {
                Add(run[starts[k]..starts[k + 1]], weight);
                if (k + 1 < count)
                {
                    Add(run[starts[k]..starts[k + 2]], ((position + k) * 4) + (int)field);
                }
            }

            length += count;
            position += count + 1;
        }

        foreach (var (f, text) in record.Fields)
        {
            (field, weight) = (f, SearchRecord.Weight(f));
            Tokenizer.Scan(text, Take);
        }

        var occurrences = found.ToArray();
        Array.Sort(occurrences);
        return (occurrences, length);
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
    /// text, the id layout, the base path and the shard size. <see cref="Format"/> changes with the files' layout.</summary>
    private static string Version(IReadOnlyList<SearchRecord> records, int shift, Routes routes, int shardBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add($"{Format}|{shift}|{routes.BasePath}|{shardBytes}");
        foreach (var r in records)
        {
            Add($"{r.Id}|{r.Lang}|{routes.Path(Route.Article(r.Lang, r.Report))}|{r.Report.Date:O}|{r.Report.DateInferred}|{string.Join(",", r.Report.Departments)}|{r.Section?.Id}|{r.Section?.Heading}");
            foreach (var (field, text) in r.Fields)
            {
                Add($"{(int)field}|{text}");
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    /// <summary>The layout of the index files; changed whenever the files change for the same input.</summary>
    private const string Format = "search-2";

    /// <summary>A term's occurrences in one record: its weighted count, and for a pair of characters its tagged positions.</summary>
    public sealed class TermEntry
    {
        public int Weighted { get; set; }

        public List<int>? Positions { get; set; }
    }

    /// <summary>The terms of one record and its length in tokens (characters and words).</summary>
    public sealed record RecordTerms(Dictionary<string, TermEntry> Terms, int Length);

    /// <summary>The ids of one build's terms: a term's string is made once, when a record first holds it; records look terms up
    /// by span. Ids are given in the order records meet terms; the files list terms in their sorted order, so ids never show.</summary>
    private sealed class TermTable
    {
        private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _names = [];
        private readonly List<bool> _pairs = [];
        private readonly Lock _gate = new();
        private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public TermTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public IReadOnlyList<string> Names => _names;

        public bool IsPair(int id) => _pairs[id];

        public int Id(ReadOnlySpan<char> term)
        {
            if (_lookup.TryGetValue(term, out var id))
            {
                return id;
            }

            lock (_gate)
            {
                if (_lookup.TryGetValue(term, out id))
                {
                    return id;
                }

                var name = term.ToString();
                id = _names.Count;
                _names.Add(name);
                _pairs.Add(SearchIndex.IsPair(name));
                _ids[name] = id;
                return id;
            }
        }
    }

    /// <summary>Whether a term is a pair of Chinese characters (a word never holds one, a single character is one rune).</summary>
    private static bool IsPair(string term) => Tokenizer.IsHan(System.Text.Rune.GetRuneAt(term, 0)) && term.EnumerateRunes().Count() == 2;

    /// <summary>A term's posting list as it grows: records hold their length until the average length is known. The integers
    /// live in blocks small enough to stay off the large object heap: one growing array per term made the collector copy and
    /// trace large arrays again and again.</summary>
    private sealed class Posting(bool pair)
    {
        private const int BlockBits = 12;
        private const int BlockSize = 1 << BlockBits;
        private readonly List<int[]> _blocks = [];
        private int[] _block = new int[16];
        private int _used;
        private int _count;
        private int _last;

        private int this[int index] => index >> BlockBits < _blocks.Count ? _blocks[index >> BlockBits][index & (BlockSize - 1)] : _block[index & (BlockSize - 1)];

        private void Append(int value)
        {
            if (_used == _block.Length)
            {
                Grow();
            }

            _block[_used++] = value;
            _count++;
        }

        /// <summary>The first block grows until it is full-sized; then full blocks are set aside and a new one started.</summary>
        private void Grow()
        {
            if (_block.Length < BlockSize)
            {
                Array.Resize(ref _block, Math.Min(BlockSize, _block.Length * 4));
            }
            else
            {
                _blocks.Add(_block);
                _block = new int[BlockSize];
                _used = 0;
            }
        }

        /// <summary>Adds a record's occurrences of the term (sorted <c>term &lt;&lt; 32 | value</c>): positions for a pair, weights
        /// to sum otherwise.</summary>
        public void Add(int id, int length, ReadOnlySpan<long> occurrences)
        {
            Append(id - _last);
            Append(length);
            _last = id;
            if (pair)
            {
                Append(occurrences.Length);
                var previous = 0;
                foreach (var o in occurrences)
                {
                    var p = (int)(o & 0xFFFFFFFF);
                    Append(p - previous);
                    previous = p;
                }
            }
            else
            {
                var weighted = 0;
                foreach (var o in occurrences)
                {
                    weighted += (int)(o & 0xFFFFFFFF);
                }

                Append(weighted);
            }
        }

        /// <summary>The term's entry in a shard, <c>"term":[…]</c> in UTF-8, the list as the index stores it: each record's length
        /// replaced by its norm, in eighths of the average.</summary>
        public byte[] Entry(string term, double averageLength)
        {
            var output = new ArrayBufferWriter<byte>(term.Length * 3 + 8 + _count * 4);
            output.Write("\""u8);
            output.Write(OutputFile.Utf8.GetBytes(term));
            output.Write("\":["u8);
            void Number(int value, bool first)
            {
                var span = output.GetSpan(12);
                var at = 0;
                if (!first)
                {
                    span[at++] = (byte)',';
                }

                Utf8Formatter.TryFormat(value, span[at..], out var written);
                output.Advance(at + written);
            }

            for (var i = 0; i < _count;)
            {
                Number(this[i], i == 0);
                Number(Math.Clamp((int)Math.Round(8 * this[i + 1] / averageLength), 1, 63), false);
                var rest = pair ? 1 + this[i + 2] : 1;
                for (var k = 0; k < rest; k++)
                {
                    Number(this[i + 2 + k], false);
                }

                i += 2 + rest;
            }

            output.Write("]"u8);
            return output.WrittenSpan.ToArray();
        }
    }
}
