using System.IO.Compression;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>A search index's shards read back and changed in place, entry by entry, for <see cref="IndexHistory"/>: a shard's
/// entries, a term's records, and a term's entry with some records' entries taken out and others put in.</summary>
internal static class ShardEntries
{
    /// <summary>A record's entries by term id, as <see cref="Posting"/> adds them (for a character or a word its weighted count,
    /// for a pair its count and positions as gaps): the values after the record's id.</summary>
    internal static void Entries(long[] occurrences, int id, TermTable table, Dictionary<int, List<(int, int[])>> into)
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

    internal static bool SameEntries(List<(int Id, int[] Values)>? a, List<(int Id, int[] Values)>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? []).Zip(b ?? []).All(p => p.First.Id == p.Second.Id && p.First.Values.AsSpan().SequenceEqual(p.Second.Values));

    /// <summary>A term's entry made from its entry in the last index: the changed records' entries taken out (each checked to be as
    /// the record's old text makes it) and their new ones put in. Null when no record holds the term any more.</summary>
    internal static byte[]? Patched(string term, List<(string Term, byte[] Entry)> shard, List<(int Id, int[] Values)>? before,
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
    internal static IEnumerable<(string Term, byte[] Entry)> Merge(List<(string Term, byte[] Entry)> entries, List<string> changed, Func<string, byte[]?> patched)
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

    /// <summary>A file of the last index as the output folder holds it (in <paramref name="index"/>), compressed, once checked against its name.</summary>
    internal static byte[] ReadKept(string index, string name)
    {
        var compressed = File.ReadAllBytes(Path.Combine(index, IndexFormat.Stored(name)));
        _ = Verified(name, compressed);
        return compressed;
    }

    /// <summary>A shard of the last index: read from the output folder, checked against its name, and split into its entries.</summary>
    internal static List<(string Term, byte[] Entry)> ReadShard(string index, string name)
    {
        var bytes = Verified(name, File.ReadAllBytes(Path.Combine(index, IndexFormat.Stored(name))));
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
    internal static byte[] Verified(string name, byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        var bytes = output.ToArray();
        return IndexFormat.Name(bytes) == name ? bytes : throw new InvalidDataException($"search file {name} does not hash to its name");
    }

    /// <summary>A term's entry read back: each record's id and the values after it.</summary>
    internal static List<(int Id, int[] Values)> Decode(byte[] entry, string term)
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

    internal static int UpperBound(string[] sorted, string term)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = string.CompareOrdinal(sorted[middle], term) <= 0 ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    internal sealed class EntryOrder : IComparer<(string Term, byte[] Entry)>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare((string Term, byte[] Entry) x, (string Term, byte[] Entry) y) => string.CompareOrdinal(x.Term, y.Term);
    }
}
