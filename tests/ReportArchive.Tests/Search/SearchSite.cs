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

    public JsonElement Read(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Output, "search", Version, name))).RootElement;

    public void Dispose() => _directory.Dispose();
}
