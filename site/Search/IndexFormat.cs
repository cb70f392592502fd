using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReportArchive.Search;

/// <summary>The search index's files as theme/assets/search.js reads them, defined in this one place: each JSON file is one of
/// these records, and each key is named once, here. Keys are single letters where a file repeats them thousands of times.</summary>
/// <remarks>The files: <c>search/index.json</c> (<see cref="IndexToc"/>); in the versioned folder <c>s&lt;n&gt;.json</c> (a shard: an
/// object from term to posting list, see <see cref="Posting"/>), <c>p&lt;n&gt;.json</c> (the address of each group's page, an array
/// of <see cref="IndexToc.PagesPerFile"/> groups from <c>n * PagesPerFile</c>) and <c>f-&lt;department&gt;.json</c> (the groups of a
/// department, ascending, as gaps), each stored gzip-compressed under its name and <c>.gz</c>. What a result shows (title,
/// date, a section's heading and the text around a match) search.js reads from the report's page itself: the text is
/// published once, on the page, not again in the index.</remarks>
public static class IndexFormat
{
    /// <summary>The layout of the index files; changed whenever the files change for the same input.</summary>
    public const string Version = "search-4";

    public const string TocFile = "index.json";

    public static string Shard(int number) => $"s{number}.json";

    public static string Pages(int file) => $"p{file}.json";

    /// <summary>How many groups' addresses a pages file holds: about 20 KB before compression.</summary>
    public const int PagesPerFile = 512;

    public static string Filter(string department) => $"f-{department}.json";

    /// <summary>The name a file of the versioned folder is stored under: compressed, with <c>.gz</c> after its name.</summary>
    public static string Stored(string name) => name + ".gz";

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

/// <summary><c>search/index.json</c>: the index's folder, how record ids are made, the record count, how many groups a pages file
/// holds, each language's and each year's range of groups, the departments with a filter file, and the first term of each
/// shard. Keys in ordinal order.</summary>
public sealed record IndexToc(
    [property: JsonPropertyName("departments")] IReadOnlyList<string> Departments,
    [property: JsonPropertyName("langs")] IReadOnlyDictionary<string, int[]> Languages,
    [property: JsonPropertyName("n")] int Records,
    [property: JsonPropertyName("p")] int PagesPerFile,
    [property: JsonPropertyName("shards")] IReadOnlyList<string> Shards,
    [property: JsonPropertyName("shift")] int Shift,
    [property: JsonPropertyName("v")] string Folder,
    [property: JsonPropertyName("years")] IReadOnlyDictionary<string, Dictionary<string, int[]>> Years);
