using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Rendering;

namespace ReportArchive.Search;

/// <summary>The archive a search index is built from: its reports, latest first, and the base path its links carry.</summary>
public sealed record SearchSource(IReadOnlyList<Report> LatestFirst, string BasePath)
{
    public List<OutputFile> Build(OutputSink? sink = null) => SearchIndex.Build(LatestFirst, BasePath, sink: sink);
}

/// <summary>Builds the search index of an archive as static files: a small table of contents (<c>search/index.json</c>), postings
/// sharded by term in sorted order (so that a word's prefix is one range of shards), one file of fragments per report and
/// language for results and excerpts, and one filter file per department. All but the table of contents sit in a folder named by a hash of their
/// content, so that a reader never mixes files of two builds.</summary>
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

    public static List<OutputFile> Build(IReadOnlyList<Report> latestFirst, string basePath, int shardBytes = DefaultShardBytes, OutputSink? sink = null)
    {
        var (records, shift) = SearchRecord.From(latestFirst);

        // Records are analysed in parallel a batch at a time and merged at once, so that their term tables die young: holding
        // them all until the merge made the collector trace millions of live objects, and took five times as long.
        var postings = new Dictionary<string, Posting>(StringComparer.Ordinal);
        var totalLength = 0L;
        foreach (var batch in records.Chunk(256))
        {
            var analysed = new RecordTerms[batch.Length];
            Parallel.For(0, batch.Length, i => analysed[i] = Analyse(batch[i]));
            for (var i = 0; i < batch.Length; i++)
            {
                totalLength += analysed[i].Length;
                foreach (var (term, entry) in analysed[i].Terms)
                {
                    if (!postings.TryGetValue(term, out var posting))
                    {
                        postings[term] = posting = new Posting(IsPair(term));
                    }

                    posting.Add(batch[i].Id, analysed[i].Length, entry);
                }
            }
        }

        var averageLength = records.Count == 0 ? 1.0 : Math.Max(1.0, (double)totalLength / records.Count);

        // Files are handed to the sink as they are made (a large archive's index is hundreds of megabytes), in a folder named
        // by a hash of everything they are made from.
        var version = Version(records, shift, basePath, shardBytes);
        var written = new List<OutputFile>();
        sink ??= OutputSink.InMemory;
        void Put(string name, byte[] bytes) => written.Add(sink.Bytes($"search/{version}/{name}", bytes));

        var firstTerms = new List<string>();
        var shard = new StringBuilder();
        void CutShard()
        {
            if (shard.Length > 0)
            {
                Put($"s{firstTerms.Count - 1}.json", Utf8(shard.Append('}').ToString()));
                shard.Clear();
            }
        }

        foreach (var term in postings.Keys.Order(StringComparer.Ordinal))
        {
            var entry = $"\"{term}\":[{string.Join(',', postings[term].Encoded(averageLength))}]";
            if (shard.Length > 0 && shard.Length + entry.Length > shardBytes)
            {
                CutShard();
            }

            if (shard.Length == 0)
            {
                firstTerms.Add(term);
                shard.Append('{');
            }
            else
            {
                shard.Append(',');
            }

            shard.Append(entry);
        }

        CutShard();
        foreach (var group in records.GroupBy(r => r.Group))
        {
            Put($"g{group.Key}.json", JsonSerializer.SerializeToUtf8Bytes(Fragments([.. group], basePath), Json));
        }

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
    private static Dictionary<string, object> Fragments(IReadOnlyList<SearchRecord> group, string basePath)
    {
        var first = group[0];
        var translation = first.Report.In(first.Lang)!;
        return new Dictionary<string, object>
        {
            ["u"] = basePath + first.Report.PagePath(first.Lang),
            ["t"] = translation.Title,
            ["l"] = first.Lang,
            ["d"] = Dates.Format(first.Report.Date, first.Report.DateInferred, first.Lang),
            ["r"] = group.Select(r => new Dictionary<string, string?>
            {
                ["s"] = r.Section?.Id,
                ["h"] = r.Section?.Heading,
                ["x"] = string.Join("\n", (r.Section is null ? r.Fields.Where(f => f.Field != Field.Title) : r.Fields.Skip(1)).Select(f => f.Text)),
            }).ToList(),
        };
    }

    /// <summary>A record's terms: every Chinese character and every word with its weighted count, every pair of adjacent
    /// Chinese characters with its positions. Tokens are one position apart, so that no pair spans two runs or two fields.</summary>
    public static RecordTerms Analyse(SearchRecord record)
    {
        var terms = new Dictionary<string, TermEntry>(StringComparer.Ordinal);
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        TermEntry Entry(ReadOnlySpan<char> term)
        {
            if (!lookup.TryGetValue(term, out var entry))
            {
                lookup[term] = entry = new TermEntry();
            }

            return entry;
        }

        var position = 0;
        var length = 0;
        var starts = new int[64];
        var weight = 0;
        var field = Field.Body;
        void Take(TokenKind kind, ReadOnlySpan<char> run, int start, int end)
        {
            if (kind == TokenKind.Word)
            {
                Entry(run).Weighted += weight;
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
                Entry(run[starts[k]..starts[k + 1]]).Weighted += weight;
                if (k + 1 < count)
                {
                    (Entry(run[starts[k]..starts[k + 2]]).Positions ??= []).Add(((position + k) * 4) + (int)field);
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

        return new RecordTerms(terms, length);
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
    private static string Version(IReadOnlyList<SearchRecord> records, int shift, string basePath, int shardBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add($"{Format}|{shift}|{basePath}|{shardBytes}");
        foreach (var r in records)
        {
            Add($"{r.Id}|{r.Lang}|{r.Report.PagePath(r.Lang)}|{r.Report.Date:O}|{r.Report.DateInferred}|{string.Join(",", r.Report.Departments)}|{r.Section?.Id}|{r.Section?.Heading}");
            foreach (var (field, text) in r.Fields)
            {
                Add($"{(int)field}|{text}");
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    /// <summary>The layout of the index files; changed whenever the files change for the same input.</summary>
    private const string Format = "search-2";

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>A term's occurrences in one record: its weighted count, and for a pair of characters its tagged positions.</summary>
    public sealed class TermEntry
    {
        public int Weighted { get; set; }

        public List<int>? Positions { get; set; }
    }

    /// <summary>The terms of one record and its length in tokens (characters and words).</summary>
    public sealed record RecordTerms(Dictionary<string, TermEntry> Terms, int Length);

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
        private int _count;
        private int _last;

        private int this[int index] => _blocks[index >> BlockBits][index & (BlockSize - 1)];

        private void Append(int value)
        {
            if ((_count & (BlockSize - 1)) == 0)
            {
                _blocks.Add(new int[_blocks.Count == 0 ? 16 : BlockSize]);
            }
            else if (_blocks.Count == 1 && _count == _blocks[0].Length)
            {
                var grown = new int[Math.Min(BlockSize, _count * 4)];
                _blocks[0].CopyTo(grown, 0);
                _blocks[0] = grown;
            }

            _blocks[^1][_count & (BlockSize - 1)] = value;
            _count++;
        }

        public void Add(int id, int length, TermEntry entry)
        {
            Append(id - _last);
            Append(length);
            _last = id;
            if (entry.Positions is { } positions)
            {
                Append(positions.Count);
                var previous = 0;
                foreach (var p in positions)
                {
                    Append(p - previous);
                    previous = p;
                }
            }
            else
            {
                Append(entry.Weighted);
            }
        }

        /// <summary>The list as the index stores it: each record's length replaced by its norm, in eighths of the average.</summary>
        public IEnumerable<int> Encoded(double averageLength)
        {
            for (var i = 0; i < _count;)
            {
                yield return this[i];
                yield return Math.Clamp((int)Math.Round(8 * this[i + 1] / averageLength), 1, 63);
                var rest = pair ? 1 + this[i + 2] : 1;
                for (var k = 0; k < rest; k++)
                {
                    yield return this[i + 2 + k];
                }

                i += 2 + rest;
            }
        }
    }
}
