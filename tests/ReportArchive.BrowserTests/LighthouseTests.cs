using System.Diagnostics;
using System.Text.Json;

namespace ReportArchive.BrowserTests;

/// <summary>Lighthouse (12.2, pinned in tests/lighthouse/package.json, with its default mobile emulation) scores the reader's
/// pages 100 in accessibility, best practices and SEO: an article, a home page, the search page and a topic's list, as the
/// fixture server serves them (compressed, as GitHub Pages serves them). Its performance score counts this machine's own
/// processor time (total blocking time), so it is not a test: the benchmark (<c>-- lighthouse</c>) prints it.</summary>
[Collection(ReaderSiteAndBrowser.Name)]
public class LighthouseTests(ReaderSiteAndBrowser fixture)
{
    private static readonly string Tool = Path.Combine(SiteServer.Repository, "tests", "lighthouse");

    private const string DebianChromium = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Installed = new(1, 1);

    [Theory]
    [InlineData("zh/" + ReaderSiteAndBrowser.Article)]
    [InlineData("en/")]
    [InlineData("zh/search/")]
    [InlineData("zh-hant/topics/water/")]
    public async Task Lighthouse_scores_the_page_100_in_accessibility_best_practices_and_seo(string path)
    {
        Assert.True(File.Exists(DebianChromium), "Lighthouse runs Debian's Chromium: apt-get install chromium fonts-noto-cjk");
        await InstallAsync();
        var report = Path.Combine(Path.GetTempPath(), $"lighthouse-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output) = await RunAsync("node", [Path.Combine(Tool, "node_modules", "lighthouse", "cli", "index.js"), fixture.Site.Url(path),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--output=json", $"--output-path={report}", "--quiet",
                "--only-categories=accessibility,best-practices,seo"], Tool, ("CHROME_PATH", DebianChromium));
            Assert.True(code == 0, $"lighthouse failed ({code}):\n{output}");
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
            var root = json.RootElement;
            var scores = root.GetProperty("categories").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("score").GetDouble());
            var failing = root.GetProperty("audits").EnumerateObject()
                .Where(a => a.Value.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number && s.GetDouble() < 0.9
                    && a.Value.GetProperty("scoreDisplayMode").GetString() is "binary" or "numeric" or "metricSavings")
                .Select(a => $"{a.Name} ({a.Value.GetProperty("score").GetDouble()})");
            Assert.True(scores.Count == 3 && scores.Values.All(s => s == 1.0),
                $"{path}: {string.Join(", ", scores.Select(s => $"{s.Key} {s.Value * 100:0}"))}; below 90: {string.Join(", ", failing)}");
        }
        finally
        {
            File.Delete(report);
        }
    }

    /// <summary>Lighthouse from the lock file, once, where it is not installed yet.</summary>
    private static async Task InstallAsync()
    {
        await Installed.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Tool, "node_modules", "lighthouse", "cli", "index.js")))
            {
                var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Tool);
                Assert.True(code == 0, "npm ci in tests/lighthouse failed:\n" + output);
            }
        }
        finally
        {
            Installed.Release();
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string[] arguments, string directory, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
