using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Rendering;

namespace ReportArchive.Search;

/// <summary>Builds the search index of an archive as static files: a small table of contents (<c>search/index.json</c>), postings
/// sharded by term in sorted order (so that a word's prefix is one range of shards), one fragment per record for results and
/// excerpts, and one filter file per department. All but the table of contents sit in a folder named by a hash of their
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

    public static List<OutputFile> Build(IReadOnlyList<Report> latestFirst, string basePath, int shardBytes = DefaultShardBytes)
    {
        var (records, shift) = SearchRecord.From(latestFirst);
        var analysed = new RecordTerms[records.Count];
        Parallel.For(0, records.Count, i => analysed[i] = Analyse(records[i]));
        var averageLength = records.Count == 0 ? 1.0 : Math.Max(1.0, analysed.Average(a => a.Length));

        var postings = new Dictionary<string, Posting>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var norm = Math.Clamp((int)Math.Round(8 * analysed[i].Length / averageLength), 1, 63);
            foreach (var (term, entry) in analysed[i].Terms)
            {
                if (!postings.TryGetValue(term, out var posting))
                {
                    postings[term] = posting = new Posting();
                }

                posting.Add(records[i].Id, norm, entry);
            }
        }

        var files = new List<(string Name, byte[] Bytes)>();
        var firstTerms = new List<string>();
        var shard = new StringBuilder();
        void CutShard()
        {
            if (shard.Length > 0)
            {
                files.Add(($"s{firstTerms.Count - 1}.json", Utf8(shard.Append('}').ToString())));
                shard.Clear();
            }
        }

        foreach (var term in postings.Keys.Order(StringComparer.Ordinal))
        {
            var entry = $"\"{term}\":[{string.Join(',', postings[term].Values)}]";
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
        files.AddRange(records.Select(r => ($"{r.Id}.json", JsonSerializer.SerializeToUtf8Bytes(Fragment(r, basePath), Json))));
        var departments = records.SelectMany(r => r.Report.Departments.Select(d => (Department: d, r.Group))).Distinct()
            .GroupBy(x => x.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        files.AddRange(departments.Select(g => ($"f-{g.Key}.json", JsonSerializer.SerializeToUtf8Bytes(Gaps(g.Select(x => x.Group).Order()), Json))));

        var version = Version(files);
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
        return [OutputFile.Text("search/index.json", JsonSerializer.Serialize(toc, Json)), .. files.Select(f => new OutputFile($"search/{version}/{f.Name}", f.Bytes))];
    }

    /// <summary>What a result shows of a record: its link, its report's title, its heading, language and date, and its text.</summary>
    private static Dictionary<string, string?> Fragment(SearchRecord record, string basePath)
    {
        var translation = record.Report.In(record.Lang)!;
        var own = record.Section is null ? record.Fields.Skip(1).Where(f => f.Field != Field.Title) : record.Fields.Skip(1);
        return new Dictionary<string, string?>
        {
            ["u"] = basePath + record.Report.PagePath(record.Lang) + (record.Section is null ? "" : "#" + record.Section.Id),
            ["t"] = translation.Title,
            ["h"] = record.Section?.Heading,
            ["l"] = record.Lang,
            ["d"] = Dates.Format(record.Report.Date, record.Report.DateInferred, record.Lang),
            ["x"] = string.Join("\n", own.Select(f => f.Text)),
        };
    }

    /// <summary>A record's terms: every Chinese character and every word with its weighted count, every pair of adjacent
    /// Chinese characters with its positions. Tokens are one position apart, so that no pair spans two runs or two fields.</summary>
    public static RecordTerms Analyse(SearchRecord record)
    {
        var terms = new Dictionary<string, TermEntry>(StringComparer.Ordinal);
        TermEntry Entry(string term) => terms.TryGetValue(term, out var e) ? e : terms[term] = new TermEntry();
        var position = 0;
        var length = 0;
        foreach (var (field, text) in record.Fields)
        {
            var weight = SearchRecord.Weight(field);
            foreach (var token in Tokenizer.Tokenize(text))
            {
                if (token.Kind == TokenKind.Word)
                {
                    Entry(token.Text).Weighted += weight;
                    length++;
                    position += 2;
                    continue;
                }

                var chars = Chars(token.Text);
                for (var k = 0; k < chars.Count; k++)
                {
                    Entry(chars[k]).Weighted += weight;
                    if (k + 1 < chars.Count)
                    {
                        (Entry(chars[k] + chars[k + 1]).Positions ??= []).Add(((position + k) * 4) + (int)field);
                    }
                }

                length += chars.Count;
                position += chars.Count + 1;
            }
        }

        return new RecordTerms(terms, length);
    }

    private static List<string> Chars(string run)
    {
        var chars = new List<string>(run.Length);
        foreach (var rune in run.EnumerateRunes())
        {
            chars.Add(rune.ToString());
        }

        return chars;
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

    private static string Version(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>A term's occurrences in one record: its weighted count, and for a pair of characters its tagged positions.</summary>
    public sealed class TermEntry
    {
        public int Weighted { get; set; }

        public List<int>? Positions { get; set; }
    }

    /// <summary>The terms of one record and its length in tokens (characters and words).</summary>
    public sealed record RecordTerms(Dictionary<string, TermEntry> Terms, int Length);

    private sealed class Posting
    {
        private int _last;

        public List<int> Values { get; } = [];

        public void Add(int id, int norm, TermEntry entry)
        {
            Values.Add(id - _last);
            Values.Add(norm);
            _last = id;
            if (entry.Positions is { } positions)
            {
                Values.Add(positions.Count);
                var previous = 0;
                foreach (var p in positions)
                {
                    Values.Add(p - previous);
                    previous = p;
                }
            }
            else
            {
                Values.Add(entry.Weighted);
            }
        }
    }
}
