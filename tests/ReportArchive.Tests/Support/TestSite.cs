using ReportArchive.Build;

namespace ReportArchive.Tests.Support;

/// <summary>A small site in a temp folder: the base configuration plus one fixture folder, built with the repository's theme.</summary>
public sealed class TestSite : IDisposable
{
    private readonly TempDirectory _root = new();

    public TestSite(params string[] fixture)
    {
        TempDirectory.Copy(Paths.Fixture("base"), Input);
        if (fixture.Length > 0)
        {
            TempDirectory.Copy(Paths.Fixture(fixture), Input);
        }
    }

    public string Input => _root["input"];

    public string Output => _root["output"];

    public string Bundle(int year, string slug) => Path.Combine(Input, "reports", year.ToString(), slug);

    public string Cache => _root["cache"];

    public BuildSettings Settings(bool check = false, string? baseUrl = null) => new(Input, Paths.Theme, Output, baseUrl, check, Cache);

    public Task<BuildResult> BuildAsync(string? baseUrl = null) => SiteBuild.RunAsync(Settings(baseUrl: baseUrl));

    public Task<BuildResult> CheckAsync() => SiteBuild.RunAsync(Settings(check: true));

    public string Read(string sitePath) => File.ReadAllText(Path.Combine(Output, sitePath));

    public void Dispose() => _root.Dispose();
}

/// <summary>Assertions on diagnostics.</summary>
public static class DiagnosticAssert
{
    public static Diagnostic Single(BuildResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);
}
