using System.Security.Cryptography;
using System.Text.Json;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Reuse;

namespace ReportArchive.Search;

/// <summary>The search index the last build wrote into the output folder, and what it was made from, kept in the cache folder
/// (<c>search.bin</c> beside the output's manifest): the hash of its table of contents, each record's report, language, id,
/// length and a hash of its text, each report's stamp, and the size of each shard's first entry. With it, a build whose records
/// are those of the last build, in the same places, makes the index again from the last one: the records whose text changed
/// are analysed as they were (the content cache holds a changed bundle as the last build read it) and as they are, and only the
/// entries of the terms whose entries differ are changed, in the shards that hold them; shards are cut again from the first of
/// those until a cut falls where it fell (see <see cref="ShardWriter"/>). The rest of the index is taken as it is.</summary>
/// <remarks>Nothing is taken on trust that can be checked: the table of contents must hash as kept; a shard read back must hash to
/// its name (the name is a hash of its bytes); a changed record's old text must hash as kept, and every entry it had must be
/// in the shard as it would make it. Whatever fails, the whole index is made again from every record, as a build without the
/// cache does; the two give the same bytes.</remarks>
public sealed class IndexHistory
{
    private const string Magic = "reportarchive-search-1";

    /// <summary>Past this many changed records the whole index is made again: their terms reach most shards.</summary>
    public const int MostChanged = 256;

    private readonly string _state;
    private readonly string _index;
    private readonly string _context;
    private readonly IReadOnlyDictionary<string, Report> _previous;
    private byte[]? _made;

    /// <param name="state">The file that keeps what the last index was made from.</param>
    /// <param name="index">The folder that holds the last build's index (<c>output/search</c>).</param>
    /// <param name="context">Names what else the index was made under (the program, the site inputs).</param>
    /// <param name="previous">Reports as the last build read them, by folder, for the bundles this build read again.</param>
    public IndexHistory(string state, string index, string context, IReadOnlyDictionary<string, Report> previous) =>
        (_state, _index, _context, _previous) = (state, index, string.Join("\n", ProgramIdentity.Value, context), previous);

    /// <summary>The history of the index in the output folder a staging sink's manifest describes; null without one.</summary>
    public static IndexHistory? Of(OutputSink sink, string context, IReadOnlyDictionary<string, Report> previous) =>
        sink.Manifest is { } manifest
            ? new IndexHistory(Path.Combine(manifest.Folder, "search.bin"), Path.Combine(manifest.Output, "search"), context, previous)
            : null;

    /// <summary>What this build did: how it made the index, for <c>build --timings</c>.</summary>
    public string Outcome { get; private set; } = "";

    /// <summary>How many records were analysed again, when the index was made from the last one; null when it was made whole.</summary>
    public int? Changed { get; private set; }

    /// <summary>The shards of this build's index, made from the last one, with each record's mark filled in; null when it cannot
    /// be (then the caller makes the whole index).</summary>
    internal List<ShardMark>? Patch(List<SearchRecord> records, int shift, int shardBytes, IndexFiles files, RecordMark[] marks)
    {
        try
        {
            return TryPatch(records, shift, shardBytes, files, marks);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or FormatException)
        {
            Outcome = "made whole: the last index could not be read (" + e.Message + ")";
            return null;
        }
    }

    private List<ShardMark>? TryPatch(List<SearchRecord> records, int shift, int shardBytes, IndexFiles files, RecordMark[] marks)
    {
        if (Usable(records.Count, shift, shardBytes, out var why) is not ({ } state, { } toc))
        {
            return Whole(why);
        }

        if (ChangedRecords(records, state, marks) is not { } changed)
        {
            return Whole("records changed places (a report added, removed, moved or translated)");
        }

        if (changed.Count > MostChanged)
        {
            return Whole($"{changed.Count:N0} records changed");
        }

        var edit = new IndexEdit();
        if (edit.Analyse(changed, records, state, marks, _previous) is { } unknown)
        {
            return Whole(unknown);
        }

        var (result, made, terms) = Recut(edit, toc, state, shardBytes);
        var shards = Store(result, files);
        Changed = changed.Count;
        Outcome = $"made from the last index: {changed.Count:N0} records changed, {terms:N0} terms' entries, {made:N0} of {shards.Count:N0} shards made again";
        return shards;
    }

    private List<ShardMark>? Whole(string why)
    {
        Outcome = "made whole: " + why;
        return null;
    }

    /// <summary>The last index and what it was made from, when it can be made into this one; otherwise null, and
    /// <paramref name="why"/> says why not: none kept, or not the one in the output folder, or made under other settings, or of
    /// another number of records.</summary>
    private (IndexState, IndexToc)? Usable(int records, int shift, int shardBytes, out string why)
    {
        why = Unusable(records, shift, shardBytes, out var state, out var toc) ?? "";
        return why.Length == 0 ? (state!, toc!) : null;
    }

    private string? Unusable(int records, int shift, int shardBytes, out IndexState? state, out IndexToc? toc)
    {
        toc = null;
        state = SealedFile.Read(_state, Magic, IndexState.Read);
        if (state is null || state.Context != _context || state.ShardBytes != shardBytes)
        {
            return "no index kept from the last build";
        }

        var tocFile = Path.Combine(_index, IndexFormat.TocFile);
        var tocBytes = File.Exists(tocFile) ? File.ReadAllBytes(tocFile) : [];
        if (!SHA256.HashData(tocBytes).AsSpan().SequenceEqual(state.TocHash))
        {
            return "the output folder holds another index than the one kept";
        }

        toc = JsonSerializer.Deserialize(tocBytes, SearchJson.Index.IndexToc);
        if (toc is null || toc.Shards.Count == 0 || toc.Shards.Count != toc.ShardFiles.Count || toc.Shards.Count != state.FirstChars.Length)
        {
            return "the last index has no shards";
        }

        return state.Shift != shift || state.Records.Length != records ? "records were added or removed" : null;
    }

    /// <summary>The records whose text changed, each record's mark filled in: a report whose bundle has the stamp it had is as
    /// it was; any other record's text is hashed. Null when a record is not where it was.</summary>
    private static List<int>? ChangedRecords(List<SearchRecord> records, IndexState state, RecordMark[] marks)
    {
        var changed = new System.Collections.Concurrent.ConcurrentBag<int>();
        var moved = false;
        Parallel.For(0, records.Count, i =>
        {
            var (record, kept) = (records[i], state.Records[i]);
            var report = state.Reports[kept.Report];
            if (record.Id != kept.Id || record.Lang != kept.Lang || record.Report.Directory != report.Directory)
            {
                moved = true;
                return;
            }

            if (record.Report.FileState is { } files && files == report.FileState)
            {
                marks[i] = new RecordMark(kept.Length, kept.Hash);
                return;
            }

            var hash = SearchRecord.Hash(record.Fields);
            marks[i] = new RecordMark(kept.Length, hash);
            if (hash != kept.Hash)
            {
                changed.Add(i);
            }
        });
        return moved ? null : [.. changed.Order()];
    }

    /// <summary>The shards of the new index: those of the last one without a changed term, as they were, and the others cut again
    /// from the first of them until a cut falls where it fell. Also how many were cut, and how many terms' entries changed.</summary>
    private (List<(ShardMark? Kept, byte[]? Made, string? FirstTerm, int FirstChars)> Shards, int Made, int Terms) Recut(IndexEdit edit, IndexToc toc, IndexState state, int shardBytes)
    {
        // The terms whose entries change, in order, each with the shard that holds it (or would: the last whose first term is not after it).
        var affected = edit.Affected();
        var firstTerms = toc.Shards.ToArray();
        var byShard = affected.GroupBy(term => Math.Max(0, ShardEntries.UpperBound(firstTerms, term) - 1)).ToDictionary(g => g.Key, g => g.ToList());
        // A shard is made again when it holds a changed term, or when the shard after it is made again and its first term changed:
        // the cut before that term depended on its entry, so the cutting starts where the last unchanged first term stands.
        var again = new bool[firstTerms.Length];
        var affectedSet = affected.ToHashSet(StringComparer.Ordinal);
        for (var s = firstTerms.Length - 1; s >= 0; s--)
        {
            again[s] = byShard.ContainsKey(s) || (s + 1 < firstTerms.Length && again[s + 1] && affectedSet.Contains(firstTerms[s + 1]));
        }

        var result = new List<(ShardMark? Kept, byte[]? Made, string? FirstTerm, int FirstChars)>();
        var made = 0;
        for (var s = 0; s < firstTerms.Length;)
        {
            if (!again[s])
            {
                result.Add((new ShardMark(firstTerms[s], toc.ShardFiles[s], state.FirstChars[s]), null, null, 0));
                s++;
                continue;
            }

            // Cut again from this shard until a cut falls before the first term of a shard with no changed term.
            var cut = new List<byte[]>();
            var writer = new ShardWriter(shardBytes, cut.Add);
            do
            {
                var entries = ShardEntries.ReadShard(_index, toc.ShardFiles[s]);
                foreach (var (term, entry) in ShardEntries.Merge(entries, byShard.GetValueOrDefault(s) ?? [], term => edit.Patched(term, entries)))
                {
                    writer.Add(term, entry);
                }

                s++;
            }
            while (s < firstTerms.Length && (again[s] || !writer.CutsBefore(firstTerms[s], state.FirstChars[s])));

            writer.Cut();
            for (var k = 0; k < cut.Count; k++)
            {
                result.Add((null, cut[k], writer.FirstTerms[k], writer.FirstChars[k]));
            }

            made += cut.Count;
        }

        return (result, made, affected.Count);
    }

    /// <summary>Stores the shards cut again and keeps the others: the spare's copy, or the output's, read and checked before anything is stored.</summary>
    private List<ShardMark> Store(List<(ShardMark? Kept, byte[]? Made, string? FirstTerm, int FirstChars)> result, IndexFiles files)
    {
        var copies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (kept, _, _, _) in result)
        {
            if (kept is not null && !copies.ContainsKey(kept.Name) && !files.SpareHolds(kept.Name))
            {
                copies[kept.Name] = ShardEntries.ReadKept(_index, kept.Name);
            }
        }

        var names = files.StoreAll([.. result.Where(r => r.Made is not null).Select(r => r.Made!)]).ToList();
        var shards = new List<ShardMark>(result.Count);
        var next = 0;
        foreach (var (kept, _, firstTerm, firstChars) in result)
        {
            if (kept is not null)
            {
                files.Keep(kept.Name, () => copies.TryGetValue(kept.Name, out var copy) ? copy : ShardEntries.ReadKept(_index, kept.Name));
                shards.Add(kept);
            }
            else
            {
                shards.Add(new ShardMark(firstTerm!, names[next++], firstChars));
            }
        }

        return shards;
    }

    /// <summary>Writes what this build's index was made from, for the next build: call it once the index is in the output folder.
    /// Returns false when there is nothing to write or it could not be written.</summary>
    public bool Save() => _made is { } made && SealedFile.Write(_state, made);

    /// <summary>Makes what this build's index was made from, to be saved once the site is written.</summary>
    internal void Keep(byte[] tocBytes, List<SearchRecord> records, int shift, int shardBytes, RecordMark[] marks, List<ShardMark> shards) =>
        _made = SealedFile.Bytes(Magic, writer => IndexState.Write(writer, _context, SHA256.HashData(tocBytes), records, shift, shardBytes, marks, shards));
}
