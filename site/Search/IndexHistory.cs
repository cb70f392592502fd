using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using ReportArchive.Content;
using ReportArchive.Output;

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
        List<ShardMark>? Whole(string why)
        {
            Outcome = "made whole: " + why;
            return null;
        }

        if (SealedFile.Read(_state, Magic, State.Read) is not { } state || state.Context != _context || state.ShardBytes != shardBytes)
        {
            return Whole("no index kept from the last build");
        }

        var tocFile = Path.Combine(_index, IndexFormat.TocFile);
        var tocBytes = File.Exists(tocFile) ? File.ReadAllBytes(tocFile) : [];
        if (!SHA256.HashData(tocBytes).AsSpan().SequenceEqual(state.TocHash))
        {
            return Whole("the output folder holds another index than the one kept");
        }

        var toc = JsonSerializer.Deserialize(tocBytes, SearchJson.Index.IndexToc);
        if (toc is null || toc.Shards.Count == 0 || toc.Shards.Count != toc.ShardFiles.Count || toc.Shards.Count != state.FirstChars.Length)
        {
            return Whole("the last index has no shards");
        }

        if (state.Shift != shift || state.Records.Length != records.Count)
        {
            return Whole("records were added or removed");
        }

        // Which records changed: a report whose bundle has the stamp it had is as it was; any other record's text is hashed.
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

            if (record.Report.Stamp is { } stamp && stamp == report.Stamp)
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
        if (moved)
        {
            return Whole("records changed places (a report added, removed, moved or translated)");
        }

        if (changed.Count > MostChanged)
        {
            return Whole($"{changed.Count:N0} records changed");
        }

        // The changed records' entries as they were and as they are, by term.
        var table = new TermTable();
        var before = new Dictionary<int, List<(int Id, int[] Values)>>();
        var after = new Dictionary<int, List<(int Id, int[] Values)>>();
        var changedIds = new HashSet<int>();
        foreach (var i in changed.Order())
        {
            var (record, kept) = (records[i], state.Records[i]);
            var index = record.Id & ((1 << shift) - 1);
            if (!_previous.TryGetValue(record.Report.Directory, out var previous)
                || SearchRecord.FieldsOf(previous, record.Lang, index) is not { } fields || SearchRecord.Hash(fields) != kept.Hash)
            {
                return Whole($"the text {record.Report.Directory} had when the last index was made is not known");
            }

            var old = RecordAnalysis.Occurrences(record with { Fields = fields }, table);
            if (old.Length != kept.Length)
            {
                return Whole("a record's length is not as kept");
            }

            Entries(old.Occurrences, record.Id, table, before);
            var now = RecordAnalysis.Occurrences(record, table);
            Entries(now.Occurrences, record.Id, table, after);
            marks[i] = new RecordMark(now.Length, marks[i].Hash);
            changedIds.Add(record.Id);
        }

        // The terms whose entries change, in order, each with the shard that holds it (or would: the last whose first term is not after it).
        var affected = before.Keys.Union(after.Keys)
            .Where(t => !SameEntries(before.GetValueOrDefault(t), after.GetValueOrDefault(t)))
            .Select(t => table.Names[t]).Order(StringComparer.Ordinal).ToList();
        var firstTerms = toc.Shards.ToArray();
        var byShard = affected.GroupBy(term => Math.Max(0, UpperBound(firstTerms, term) - 1)).ToDictionary(g => g.Key, g => g.ToList());
        var ids = table.Names.Select((name, id) => (name, id)).ToDictionary(x => x.name, x => x.id, StringComparer.Ordinal);
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
                var entries = ReadShard(toc.ShardFiles[s]);
                foreach (var (term, entry) in Merge(entries, byShard.GetValueOrDefault(s) ?? [], term =>
                    Patched(term, entries, before.GetValueOrDefault(ids[term]), after.GetValueOrDefault(ids[term]), changedIds)))
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

        // The shards taken as they were: the spare's copy, or the output's, read and checked before anything is stored.
        var copies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (kept, _, _, _) in result)
        {
            if (kept is not null && !copies.ContainsKey(kept.Name) && !files.SpareHolds(kept.Name))
            {
                copies[kept.Name] = ReadKept(kept.Name);
            }
        }

        var names = files.StoreAll([.. result.Where(r => r.Made is not null).Select(r => r.Made!)]).ToList();
        var shards = new List<ShardMark>(result.Count);
        var next = 0;
        foreach (var (kept, bytes, firstTerm, firstChars) in result)
        {
            if (kept is not null)
            {
                files.Keep(kept.Name, () => copies.TryGetValue(kept.Name, out var copy) ? copy : ReadKept(kept.Name));
                shards.Add(kept);
            }
            else
            {
                shards.Add(new ShardMark(firstTerm!, names[next++], firstChars));
            }
        }

        Changed = changed.Count;
        Outcome = $"made from the last index: {changed.Count:N0} records changed, {affected.Count:N0} terms' entries, {made:N0} of {shards.Count:N0} shards made again";
        return shards;
    }

    /// <summary>Writes what this build's index was made from, for the next build: call it once the index is in the output folder.
    /// Returns false when there is nothing to write or it could not be written.</summary>
    public bool Save() => _made is { } made && SealedFile.Write(_state, made);

    /// <summary>Makes what this build's index was made from, to be saved once the site is written.</summary>
    internal void Keep(byte[] tocBytes, List<SearchRecord> records, int shift, int shardBytes, RecordMark[] marks, List<ShardMark> shards)
    {
        var reports = new Dictionary<Report, int>(ReferenceEqualityComparer.Instance);
        var order = new List<Report>();
        var languages = records.Select(r => r.Lang).Distinct().ToList();
        _made = SealedFile.Bytes(Magic, writer =>
        {
            writer.Write(_context);
            writer.Write(shardBytes);
            writer.Write(SHA256.HashData(tocBytes));
            writer.Write(shift);
            foreach (var record in records)
            {
                if (!reports.ContainsKey(record.Report))
                {
                    reports[record.Report] = order.Count;
                    order.Add(record.Report);
                }
            }

            writer.Write(order.Count);
            foreach (var report in order)
            {
                writer.Write(report.Directory);
                writer.Write(report.Stamp ?? "");
            }

            writer.Write(languages.Count);
            languages.ForEach(writer.Write);
            writer.Write(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                writer.Write7BitEncodedInt(reports[records[i].Report]);
                writer.Write7BitEncodedInt(languages.IndexOf(records[i].Lang));
                writer.Write7BitEncodedInt(records[i].Id);
                writer.Write7BitEncodedInt(marks[i].Length);
                writer.Write((ulong)(marks[i].Hash >> 64));
                writer.Write((ulong)marks[i].Hash);
            }

            writer.Write(shards.Count);
            shards.ForEach(s => writer.Write7BitEncodedInt(s.FirstChars));
        });
    }

    /// <summary>A record's entries by term id, as <see cref="Posting"/> adds them (for a character or a word its weighted count,
    /// for a pair its count and positions as gaps): the values after the record's id.</summary>
    private static void Entries(long[] occurrences, int id, TermTable table, Dictionary<int, List<(int, int[])>> into)
    {
        for (var start = 0; start < occurrences.Length;)
        {
            var term = (int)(occurrences[start] >> 32);
            var end = start + 1;
            while (end < occurrences.Length && (int)(occurrences[end] >> 32) == term)
            {
                end++;
            }

            var posting = new Posting(table.IsPair(term));
            posting.Add(0, occurrences.AsSpan(start, end - start));
            if (!into.TryGetValue(term, out var list))
            {
                into[term] = list = [];
            }

            list.Add((id, [.. posting.Values().Skip(1)]));
            start = end;
        }
    }

    private static bool SameEntries(List<(int Id, int[] Values)>? a, List<(int Id, int[] Values)>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? []).Zip(b ?? []).All(p => p.First.Id == p.Second.Id && p.First.Values.AsSpan().SequenceEqual(p.Second.Values));

    /// <summary>A term's entry made from its entry in the last index: the changed records' entries taken out (each checked to be as
    /// the record's old text makes it) and their new ones put in. Null when no record holds the term any more.</summary>
    private static byte[]? Patched(string term, List<(string Term, byte[] Entry)> shard, List<(int Id, int[] Values)>? before,
        List<(int Id, int[] Values)>? after, HashSet<int> changedIds)
    {
        var at = shard.BinarySearch((term, []), EntryOrder.Instance);
        var records = at >= 0 ? Decode(shard[at].Entry, term) : [];
        var old = records.Where(r => changedIds.Contains(r.Id)).ToList();
        if (!SameEntries(old, before))
        {
            throw new InvalidDataException($"the last index's entry of '{term}' is not as its records' text makes it");
        }

        records.RemoveAll(r => changedIds.Contains(r.Id));
        records.AddRange(after ?? []);
        if (records.Count == 0)
        {
            return null;
        }

        records.Sort((a, b) => a.Id.CompareTo(b.Id));
        var values = new List<int>();
        var last = 0;
        foreach (var (id, rest) in records)
        {
            values.Add(id - last);
            values.AddRange(rest);
            last = id;
        }

        return Posting.Entry(term, values);
    }

    /// <summary>A shard's entries with the changed terms' entries in their places: replaced, taken out, or put in where they sort.</summary>
    private static IEnumerable<(string Term, byte[] Entry)> Merge(List<(string Term, byte[] Entry)> entries, List<string> changed, Func<string, byte[]?> patched)
    {
        var c = 0;
        foreach (var (term, entry) in entries)
        {
            for (; c < changed.Count && string.CompareOrdinal(changed[c], term) < 0; c++)
            {
                if (patched(changed[c]) is { } added)
                {
                    yield return (changed[c], added);
                }
            }

            if (c < changed.Count && changed[c] == term)
            {
                if (patched(term) is { } replaced)
                {
                    yield return (term, replaced);
                }

                c++;
            }
            else
            {
                yield return (term, entry);
            }
        }

        for (; c < changed.Count; c++)
        {
            if (patched(changed[c]) is { } added)
            {
                yield return (changed[c], added);
            }
        }
    }

    /// <summary>A file of the last index as the output folder holds it, compressed, once checked against its name.</summary>
    private byte[] ReadKept(string name)
    {
        var compressed = File.ReadAllBytes(Path.Combine(_index, IndexFormat.Stored(name)));
        _ = Verified(name, compressed);
        return compressed;
    }

    /// <summary>A shard of the last index: read from the output folder, checked against its name, and split into its entries.</summary>
    private List<(string Term, byte[] Entry)> ReadShard(string name)
    {
        var bytes = Verified(name, File.ReadAllBytes(Path.Combine(_index, IndexFormat.Stored(name))));
        var entries = new List<(string, byte[])>();
        // {"term":[1,2,3],"term":[…]}: a term never holds a quote, and an entry's list only digits and commas.
        var at = 1;
        while (at < bytes.Length - 1)
        {
            var close = Array.IndexOf(bytes, (byte)'"', at + 1);
            var end = Array.IndexOf(bytes, (byte)']', close);
            if (bytes[at] != (byte)'"' || close < 0 || end < 0)
            {
                throw new InvalidDataException($"shard {name} is not as the index writes one");
            }

            entries.Add((OutputFile.Utf8.GetString(bytes, at + 1, close - at - 1), bytes[at..(end + 1)]));
            at = end + 2;
        }

        return entries;
    }

    /// <summary>A file of the index, decompressed, when it hashes to its name; otherwise it is not the file the last build wrote.</summary>
    private static byte[] Verified(string name, byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        var bytes = output.ToArray();
        return IndexFormat.Name(bytes) == name ? bytes : throw new InvalidDataException($"search file {name} does not hash to its name");
    }

    /// <summary>A term's entry read back: each record's id and the values after it.</summary>
    private static List<(int Id, int[] Values)> Decode(byte[] entry, string term)
    {
        var open = Array.IndexOf(entry, (byte)'[');
        var numbers = new List<int>();
        for (var at = open + 1; at < entry.Length - 1;)
        {
            if (!System.Buffers.Text.Utf8Parser.TryParse(entry.AsSpan(at), out int value, out var used))
            {
                throw new InvalidDataException($"the entry of '{term}' is not a list of numbers");
            }

            numbers.Add(value);
            at += used + 1;
        }

        var pair = TermTable.IsPair(term);
        var records = new List<(int, int[])>();
        var id = 0;
        for (var i = 0; i < numbers.Count;)
        {
            id += numbers[i];
            var size = !pair ? 1 : i + 1 < numbers.Count ? 1 + numbers[i + 1] : -1;
            if (size < 0 || i + 1 + size > numbers.Count)
            {
                throw new InvalidDataException($"the entry of '{term}' ends inside a record");
            }

            records.Add((id, numbers.GetRange(i + 1, size).ToArray()));
            i += 1 + size;
        }

        return records;
    }

    private static int UpperBound(string[] sorted, string term)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(sorted[middle], term) <= 0 ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    private sealed class EntryOrder : IComparer<(string Term, byte[] Entry)>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare((string Term, byte[] Entry) x, (string Term, byte[] Entry) y) => string.CompareOrdinal(x.Term, y.Term);
    }

    private sealed record KeptReport(string Directory, string? Stamp);

    private readonly record struct KeptRecord(int Report, string Lang, int Id, int Length, UInt128 Hash);

    private sealed record State(string Context, int ShardBytes, byte[] TocHash, int Shift, KeptReport[] Reports, KeptRecord[] Records, int[] FirstChars)
    {
        public static State Read(BinaryReader reader)
        {
            var (context, shardBytes) = (KeptBytes.Text(reader), reader.ReadInt32());
            var tocHash = reader.ReadBytes(32);
            var shift = reader.ReadInt32();
            var reports = new KeptReport[reader.ReadInt32()];
            for (var i = 0; i < reports.Length; i++)
            {
                var (directory, stamp) = (KeptBytes.Text(reader), KeptBytes.Text(reader));
                reports[i] = new KeptReport(directory, stamp.Length > 0 ? stamp : null);
            }

            var languages = new string[reader.ReadInt32()];
            for (var i = 0; i < languages.Length; i++)
            {
                languages[i] = KeptBytes.Text(reader);
            }

            var records = new KeptRecord[reader.ReadInt32()];
            for (var i = 0; i < records.Length; i++)
            {
                var (report, lang, id, length) = (reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
                records[i] = new KeptRecord(report, languages[lang], id, length, new UInt128(reader.ReadUInt64(), reader.ReadUInt64()));
            }

            var firstChars = new int[reader.ReadInt32()];
            for (var i = 0; i < firstChars.Length; i++)
            {
                firstChars[i] = reader.Read7BitEncodedInt();
            }

            return new State(context, shardBytes, tocHash, shift, reports, records, firstChars);
        }
    }
}
