using System.Text.Json;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Search;

/// <summary>The seed site plus the search fixtures (a report with 老 and 尚 apart, one with a hostile title), built once.</summary>
public sealed class SearchSite : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SearchSite()
    {
        TempDirectory.Copy(Paths.Seed, Input);
        TempDirectory.Copy(Paths.Fixture("search", "extra"), Input);
        Result = SiteBuild.RunAsync(new BuildSettings(Input, Paths.Theme, Output, null, Cache: _directory["cache"])).GetAwaiter().GetResult();
        Toc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "search", "index.json"))).RootElement;
    }

    public string Input => _directory["input"];

    public string Output => _directory["site"];

    public BuildResult Result { get; }

    public JsonElement Toc { get; }

    /// <summary>The file the table of contents names for shard n (<c>s&lt;n&gt;.json</c>), pages file n (<c>p&lt;n&gt;.json</c>) or a
    /// department's filter (<c>f-&lt;department&gt;.json</c>), as stored in <c>search/</c>.</summary>
    public string Stored(string name)
    {
        var (kind, key) = (name[0], name[(name[0] == 'f' ? 2 : 1)..^".json".Length]);
        var index = kind == 'f' ? Toc.GetProperty("departments").EnumerateArray().Select(e => e.GetString()).ToList().IndexOf(key) : int.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
        return Toc.GetProperty(kind switch { 's' => "sf", 'p' => "pf", _ => "ff" })[index].GetString() + ".json.gz";
    }

    /// <summary>A file of the index by the name search.js asks for it (see <see cref="Stored"/>), inflated and parsed.</summary>
    public JsonElement Read(string name) => JsonDocument.Parse(Inflate(Path.Combine(Output, "search", Stored(name)))).RootElement;

    public static string Inflate(string file)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Dispose() => _directory.Dispose();
}
