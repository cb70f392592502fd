using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Verify;

/// <summary><c>verify</c> on a built site: a clean build passes with its size reported; a broken link, a missing fragment, a
/// script address or a link outside the base path is an error at the page, line and column.</summary>
public class VerifyTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLine.RunAsync(args);

    private static async Task<TestSite> Built()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        Assert.True((await site.BuildAsync()).Written);
        return site;
    }

    [Fact]
    public async Task A_built_site_verifies_and_its_size_is_reported()
    {
        using var site = await Built();

        var (code, output, error) = await Run("verify", "--input", site.Input, "--output", site.Output);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Matches(@"Verified .* [0-9.]+ MiB in \d+ files \(38 pages; photos [0-9.]+ MiB, \d+ %; search index [0-9.]+ MiB, \d+ %\); 0 % of GitHub Pages' 1 GB; 0 broken references", output);
    }

    [Fact]
    public async Task Broken_references_are_errors_at_their_place()
    {
        using var site = await Built();
        var page = Path.Combine(site.Output, "en", "index.html");
        var lines = File.ReadAllLines(page).ToList();
        var at = lines.FindIndex(l => l.Contains("<main", StringComparison.Ordinal));
        lines.Insert(at + 1, "<p><a href=\"/ReportArchive/en/nowhere/\">a</a> <a href=\"javascript:alert(1)\">b</a> <a href=\"#no-such-id\">c</a> <img src=\"/elsewhere/x.png\" alt=\"\"></p>");
        File.WriteAllLines(page, lines);
        File.Delete(Path.Combine(site.Output, "zh", "feed.xml"));

        var (code, _, error) = await Run("verify", "--input", site.Input, "--output", site.Output);

        Assert.Equal(ExitCodes.ContentErrors, code);
        var line = at + 2;
        Assert.Contains($"index.html({line},4): error RA504: '/ReportArchive/en/nowhere/' resolves to no file of the site", error);
        Assert.Contains($"index.html({line},47): error RA501: 'javascript:alert(1)' is a script or data address", error);
        Assert.Contains($"index.html({line},83): error RA505: '#no-such-id' names #no-such-id", error);
        Assert.Contains("error RA503: '/elsewhere/x.png' leaves the site's base path /ReportArchive/", error);
        Assert.Contains("/ReportArchive/zh/feed.xml' resolves to no file of the site", error); // the feed links of every zh page
    }
}
