using ReportArchive.Content;

namespace ReportArchive.Search;

/// <summary>What changes in a search index when some records' text changed: each changed record's entries by term, as its old
/// text made them and as its text makes them now (see <see cref="IndexHistory"/>).</summary>
internal sealed class IndexEdit
{
    private readonly TermTable _table = new();
    private readonly Dictionary<int, List<(int Id, int[] Values)>> _before = [];
    private readonly Dictionary<int, List<(int Id, int[] Values)>> _after = [];
    private readonly HashSet<int> _changedIds = [];
    private Dictionary<string, int>? _ids;

    /// <summary>Analyses the <paramref name="changed"/> records as they were (their text as the last build read it, from
    /// <paramref name="previous"/>) and as they are, and fills in their marks. Returns why it cannot (the old text is not known,
    /// or not as the last index was made from), or null.</summary>
    public string? Analyse(List<int> changed, List<SearchRecord> records, IndexState state, RecordMark[] marks, IReadOnlyDictionary<string, Report> previous)
    {
        foreach (var i in changed)
        {
            var (record, kept) = (records[i], state.Records[i]);
            var index = record.Id & ((1 << state.Shift) - 1);
            if (!previous.TryGetValue(record.Report.Directory, out var before)
                || SearchRecord.FieldsOf(before, record.Lang, index) is not { } fields || SearchRecord.Hash(fields) != kept.Hash)
            {
                return $"the text {record.Report.Directory} had when the last index was made is not known";
            }

            var old = RecordAnalysis.Occurrences(record with { Fields = fields }, _table);
            if (old.Length != kept.Length)
            {
                return "a record's length is not as kept";
            }

            ShardEntries.Entries(old.Occurrences, record.Id, _table, _before);
            var now = RecordAnalysis.Occurrences(record, _table);
            ShardEntries.Entries(now.Occurrences, record.Id, _table, _after);
            marks[i] = new RecordMark(now.Length, marks[i].Hash);
            _changedIds.Add(record.Id);
        }

        return null;
    }

    /// <summary>The terms whose entries change, in order.</summary>
    public List<string> Affected() =>
        [.. _before.Keys.Union(_after.Keys)
            .Where(t => !ShardEntries.SameEntries(_before.GetValueOrDefault(t), _after.GetValueOrDefault(t)))
            .Select(t => _table.Names[t]).Order(StringComparer.Ordinal)];

    /// <summary>A changed term's entry made from its entry in the last index's shard; null when no record holds it any more.</summary>
    public byte[]? Patched(string term, List<(string Term, byte[] Entry)> shard)
    {
        _ids ??= _table.Names.Select((name, id) => (name, id)).ToDictionary(x => x.name, x => x.id, StringComparer.Ordinal);
        var id = _ids[term];
        return ShardEntries.Patched(term, shard, _before.GetValueOrDefault(id), _after.GetValueOrDefault(id), _changedIds);
    }
}
