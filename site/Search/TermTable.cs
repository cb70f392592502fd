using System.Collections.Concurrent;

namespace ReportArchive.Search;

/// <summary>The ids of one build's terms: a term's string is made once, when a record first holds it; records look terms up
/// by span. Ids are given in the order records meet terms; the files list terms in their sorted order, so ids never show.</summary>
internal sealed class TermTable
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
            _pairs.Add(IsPair(name));
            _ids[name] = id;
            return id;
        }
    }

    /// <summary>Whether a term is a pair of Chinese characters (a word never holds one, a single character is one rune).</summary>
    public static bool IsPair(string term) => Tokenizer.IsHan(System.Text.Rune.GetRuneAt(term, 0)) && term.EnumerateRunes().Count() == 2;
}
