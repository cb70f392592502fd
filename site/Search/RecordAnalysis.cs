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

    /// <summary>A record's terms as one array of <c>term id &lt;&lt; 32 | value</c>, grouped by term (terms in the order the
    /// record first holds them): a character or a word once, with its weights summed; a pair of characters once for each
    /// position, the positions tagged and ascending. And the record's length.</summary>
    internal static (long[] Occurrences, int Length) Occurrences(SearchRecord record, TermTable table)
    {
        // The thread's groups from its last record: one record's occurrences are tens of thousands.
        var groups = _groups ??= new TermGroups();
        groups.Begin();
        var position = 0;
        var length = 0;
        var starts = _starts ??= new int[64];
        var weight = 0;
        var field = Field.Body;
        void Take(TokenKind kind, ReadOnlySpan<char> run, int start, int end)
        {
            if (kind == TokenKind.Word)
            {
                groups.Weigh(table.Id(run), weight);
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
                groups.Weigh(table.Id(run[starts[k]..starts[k + 1]]), weight);
                if (k + 1 < count)
                {
                    groups.Place(table.Id(run[starts[k]..starts[k + 2]]), ((position + k) * 4) + (int)field);
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

        return (groups.Grouped(), length);
    }

    [ThreadStatic]
    private static TermGroups? _groups;

    [ThreadStatic]
    private static int[]? _starts;

    /// <summary>One record's occurrences gathered by term, in time proportional to their number: a term's place among the
    /// record's terms is found by its id in a table the thread keeps (stamped with the record it was last set for), so nothing is
    /// hashed or sorted. (Sorting the occurrences took a third of the analysis.)</summary>
    private sealed class TermGroups
    {
        private int[] _stamp = new int[1024];
        private int[] _slot = new int[1024];
        private int _record;
        private readonly List<int> _terms = [];
        private readonly List<int> _sums = [];
        private readonly List<int> _counts = [];
        private readonly List<(int Slot, int Value)> _places = [];

        public void Begin()
        {
            _record++;
            _terms.Clear();
            _sums.Clear();
            _counts.Clear();
            _places.Clear();
        }

        /// <summary>A character or a word, with a weight to sum.</summary>
        public void Weigh(int term, int weight) => _sums[Slot(term)] += weight;

        /// <summary>A pair of characters at a tagged position (positions come ascending).</summary>
        public void Place(int term, int position)
        {
            var slot = Slot(term);
            _counts[slot]++;
            _places.Add((slot, position));
        }

        private int Slot(int term)
        {
            if (term >= _stamp.Length)
            {
                var size = Math.Max(term + 1, _stamp.Length * 2);
                Array.Resize(ref _stamp, size);
                Array.Resize(ref _slot, size);
            }

            if (_stamp[term] != _record)
            {
                _stamp[term] = _record;
                _slot[term] = _terms.Count;
                _terms.Add(term);
                _sums.Add(0);
                _counts.Add(0);
            }

            return _slot[term];
        }

        /// <summary>The occurrences, each term's together: its summed weight, or its positions in order.</summary>
        public long[] Grouped()
        {
            var at = new int[_terms.Count];
            var total = 0;
            for (var i = 0; i < _terms.Count; i++)
            {
                at[i] = total;
                total += _counts[i] > 0 ? _counts[i] : 1;
            }

            var grouped = new long[total];
            for (var i = 0; i < _terms.Count; i++)
            {
                if (_counts[i] == 0)
                {
                    grouped[at[i]] = ((long)_terms[i] << 32) | (uint)_sums[i];
                }
            }

            foreach (var (slot, value) in _places)
            {
                grouped[at[slot]++] = ((long)_terms[slot] << 32) | (uint)value;
            }

            return grouped;
        }
    }

    /// <summary>A term's occurrences in one record: its weighted count, and for a pair of characters its tagged positions.</summary>
    public sealed class TermEntry
    {
        public int Weighted { get; set; }

        public List<int>? Positions { get; set; }
    }

    /// <summary>The terms of one record and its length in tokens (characters and words).</summary>
    public sealed record RecordTerms(Dictionary<string, TermEntry> Terms, int Length);
}
