using System.Collections.Concurrent;

namespace ReportArchive.Search;

/// <summary>The ids of one build's terms: a term's string is made once, when a record first holds it; records look terms up
/// by span. Ids are given in the order records meet terms; the files list terms in their sorted order, so ids never show.</summary>
/// <remarks>Most lookups are of one Chinese character or a pair of them: a term of one UTF-16 unit is found in a table indexed by
/// that unit, one of two units by the two as one integer, without hashing a string (a third of the index's time went to that
/// hashing). Each string has exactly one of the three places, so a term has one id whichever way it is looked up.</remarks>
internal sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, int> _twoUnits = new();
    private readonly int[] _oneUnit = new int[char.MaxValue + 1]; // the id + 1; 0 for none yet
    private readonly List<string> _names = [];
    private readonly List<bool> _pairs = [];
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TermTable() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public IReadOnlyList<string> Names => _names;

    public bool IsPair(int id) => _pairs[id];

    public int Id(ReadOnlySpan<char> term) => Find(term) is var id and >= 0 ? id : Add(term);

    /// <summary>A term's id, or -1 when it has none yet.</summary>
    private int Find(ReadOnlySpan<char> term) => term.Length switch
    {
        1 => Volatile.Read(ref _oneUnit[term[0]]) - 1,
        2 => _twoUnits.TryGetValue((term[0] << 16) | term[1], out var two) ? two : -1,
        _ => _lookup.TryGetValue(term, out var other) ? other : -1,
    };

    /// <summary>Gives a term its id, unless another core gave it one first.</summary>
    private int Add(ReadOnlySpan<char> term)
    {
        lock (_gate)
        {
            if (Find(term) is var found and >= 0)
            {
                return found;
            }

            var name = term.ToString();
            var id = _names.Count;
            _names.Add(name);
            _pairs.Add(IsPair(name));
            switch (term.Length)
            {
                case 1:
                    Volatile.Write(ref _oneUnit[term[0]], id + 1);
                    break;
                case 2:
                    _twoUnits[(term[0] << 16) | term[1]] = id;
                    break;
                default:
                    _ids[name] = id;
                    break;
            }

            return id;
        }
    }

    /// <summary>Whether a term is a pair of Chinese characters (a word never holds one, a single character is one rune).</summary>
    public static bool IsPair(string term) => Tokenizer.IsHan(System.Text.Rune.GetRuneAt(term, 0)) && term.EnumerateRunes().Count() == 2;
}
