using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportArchive.Search;

/// <summary>The search index's files as theme/assets/search.js reads them, defined in this one place: each JSON file is one of
/// these records, and each key is named once, here. Keys are single letters where a file repeats them thousands of times.</summary>
/// <remarks>The files, in <c>search/</c>: <c>index.json</c> (<see cref="IndexToc"/>), and files named by a hash of their bytes
/// (<see cref="Name"/>), stored gzip-compressed as <c>name.json.gz</c>, which the table of contents lists: the shards (an object from
/// term to posting list, see <see cref="Posting"/>), the pages files (the address of each group's page, an array of
/// <see cref="IndexToc.PagesPerFile"/> groups from <c>n * PagesPerFile</c>) and the filters (the groups of a department, ascending,
/// as gaps). What a result shows (title, date, a section's heading and the text around a match) search.js reads from the
/// report's page itself: the text is published once, on the page, not again in the index.</remarks>
public static class IndexFormat
{
    public const string TocFile = "index.json";

    /// <summary>How many groups' addresses a pages file holds: about 20 KB before compression.</summary>
    public const int PagesPerFile = 512;

    /// <summary>The name of a file of the index: ten letters and digits (50 bits) of a SHA-256 of its bytes.</summary>
    public static string Name(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(bytes, hash);
        const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash);
        return string.Create(10, bits, (name, b) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                name[i] = Alphabet[(int)(b >> (59 - (5 * i))) & 31];
            }
        });
    }

    /// <summary>A record's length (in tokens) as the lengths file gives it: four steps to each doubling, <c>4 * e + m</c> for a
    /// length of <c>2^e</c> and the two bits after its first (search.js reads it back as <c>2^e * (1 + (m + 0.5) / 4)</c>, within an
    /// eighth of the length). It depends on the record alone, not on the archive's average (which the table of contents gives as its
    /// total length).</summary>
    public static int LengthCode(int length)
    {
        var value = (uint)Math.Max(1, length);
        var exponent = 31 - System.Numerics.BitOperations.LeadingZeroCount(value);
        return Math.Min((4 * exponent) + (int)((value << 2 >> exponent) & 3), LengthAlphabet.Length - 1);
    }

    /// <summary>The characters that write length codes, in order: printable ASCII from <c>#</c> to <c>~</c> but the backslash,
    /// none of which JSON escapes.</summary>
    public static readonly string LengthAlphabet = new([.. Enumerable.Range('#', '~' - '#' + 1).Select(c => (char)c).Where(c => c != '\\')]);

    /// <summary>The lengths file: for each group, a string with a character per record of the group, at its index (a space where
    /// the group has no record), the record's <see cref="LengthCode"/> as a character of <see cref="LengthAlphabet"/>.</summary>
    internal static List<string> Lengths(IReadOnlyList<SearchRecord> records, IReadOnlyList<RecordMark> marks, int shift)
    {
        var groups = new List<char[]>();
        for (var i = 0; i < records.Count; i++)
        {
            var (group, index) = (records[i].Id >> shift, records[i].Id & ((1 << shift) - 1));
            while (groups.Count <= group)
            {
                groups.Add([]);
            }

            if (groups[group].Length <= index)
            {
                var grown = new char[index + 1];
                Array.Fill(grown, ' ');
                groups[group].CopyTo(grown, 0);
                groups[group] = grown;
            }

            groups[group][index] = LengthAlphabet[LengthCode(marks[i].Length)];
        }

        return [.. groups.Select(g => new string(g))];
    }

    /// <summary>The file a named file of the index is stored in: compressed, with <c>.json.gz</c> after its name.</summary>
    public static string Stored(string name) => name + ".json.gz";

    /// <summary>Gzip at zlib's level 4: the same bytes give the same file (no name, no time in the header). On a 10,000-report
    /// index (317 MiB of JSON) level 6, the default, gave 36.5 MiB in 3.9 times level 4's time, which gives 44.3 MiB; level 1,
    /// 56.6 MiB. Compressing was an eighth of a whole build's processor time at level 6.</summary>
    public const int Level = 4;

    public static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream(bytes.Length / 3 + 64);
        using (var gzip = new System.IO.Compression.GZipStream(output, new System.IO.Compression.ZLibCompressionOptions { CompressionLevel = Level }, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}

/// <summary><c>search/index.json</c>: how record ids are made, the record count and their total length (in tokens), the name of
/// the lengths file, how many groups a pages file holds, each
/// language's and each year's range of groups, the departments with a filter file, the first term of each shard, and the names
/// of the shards, pages files and filters in their order; and, for each translation, which of the original's groups (the
/// archive's reports, newest first) it has, as a bitmap in base64 (the first report in the lowest bit of the first byte), so
/// that results can count reports apart from the languages they are found in. Keys in ordinal order.</summary>
public sealed record IndexToc(
    [property: JsonPropertyName("departments")] IReadOnlyList<string> Departments,
    [property: JsonPropertyName("ff")] IReadOnlyList<string> Filters,
    [property: JsonPropertyName("langs")] IReadOnlyDictionary<string, int[]> Languages,
    [property: JsonPropertyName("len")] long Length,
    [property: JsonPropertyName("n")] int Records,
    [property: JsonPropertyName("nf")] string LengthsFile,
    [property: JsonPropertyName("p")] int PagesPerFile,
    [property: JsonPropertyName("rep")] IReadOnlyDictionary<string, string> Reports,
    [property: JsonPropertyName("pf")] IReadOnlyList<string> Pages,
    [property: JsonPropertyName("sf")] IReadOnlyList<string> ShardFiles,
    [property: JsonPropertyName("shards")] IReadOnlyList<string> Shards,
    [property: JsonPropertyName("shift")] int Shift,
    [property: JsonPropertyName("years")] IReadOnlyDictionary<string, Dictionary<string, int[]>> Years);
