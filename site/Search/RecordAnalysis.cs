namespace ReportArchive.Search;

/// <summary>What a search record holds: its terms (characters, words and pairs of adjacent characters) with their weights and positions.</summary>
public static class RecordAnalysis
{
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
    internal static (long[] Occurrences, int Length) Occurrences(SearchRecord record, TermTable table)
    {
        // The thread's buffers from its last record: one record's occurrences are tens of thousands of longs.
        var found = _found ??= new List<long>(4096);
        found.Clear();
        var position = 0;
        var length = 0;
        var starts = _starts ??= new int[64];
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
                starts = _starts = new int[run.Length * 2];
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

    [ThreadStatic]
    private static List<long>? _found;

    [ThreadStatic]
    private static int[]? _starts;

    /// <summary>A term's occurrences in one record: its weighted count, and for a pair of characters its tagged positions.</summary>
    public sealed class TermEntry
    {
        public int Weighted { get; set; }

        public List<int>? Positions { get; set; }
    }

    /// <summary>The terms of one record and its length in tokens (characters and words).</summary>
    public sealed record RecordTerms(Dictionary<string, TermEntry> Terms, int Length);
}
