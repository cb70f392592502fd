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

    public string Version => Toc.GetProperty("v").GetString()!;

    /// <summary>A file of the index's versioned folder by its name (stored gzip-compressed, as <c>name.gz</c>).</summary>
    public JsonElement Read(string name) => JsonDocument.Parse(Inflate(Path.Combine(Output, "search", Version, name.EndsWith(".gz", StringComparison.Ordinal) ? name : name + ".gz"))).RootElement;

    public static string Inflate(string file)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Dispose() => _directory.Dispose();
}
