using System.Text.Json;

namespace ReportArchive.Benchmarks;

/// <summary>Lighthouse's four scores for the reader's pages (an article, a home page, the search page and a list) of the test
/// fixtures, built and served as GitHub Pages serves them. Performance is measured with Lighthouse's default mobile emulation
/// and simulated slow 4G, which still count this machine's own processor time (total blocking time): so it is a benchmark,
/// run on a quiet machine, and its median of several runs is what counts. The browser tests check the other three.</summary>
public static class LighthouseBenchmark
{
    private static readonly string[] Pages = ["zh/reports/2024/old-town-water/", "en/", "zh/search/", "zh-hant/topics/water/"];

    public static async Task<int> RunAsync(int runs)
    {
        var tool = Path.GetFullPath(Path.Combine("tests", "lighthouse"));
        if (!File.Exists(Path.Combine(tool, "node_modules", "lighthouse", "cli", "index.js")))
        {
            await Processes.RunAsync("npm", "ci --no-audit --no-fund", tool);
        }

        Environment.SetEnvironmentVariable("CHROME_PATH", "/usr/bin/chromium");
        var root = Path.Combine(Path.GetTempPath(), "reportarchive-lighthouse", Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(root, "input");
            foreach (var fixture in new[] { "trilingual", "reader" })
            {
                Copy(Path.Combine("tests", "ReportArchive.Tests", "Fixtures", fixture), input);
            }

            var site = Path.Combine(root, "site");
            var built = await SiteBuild.RunAsync(new BuildSettings(input, "theme", site, "https://example.github.io/ReportArchive/", Cache: Path.Combine(root, "cache")));
            if (!built.Written)
            {
                throw new InvalidOperationException("the fixture did not build: " + string.Join("\n", built.Diagnostics));
            }

            await using var server = await CountingServer.StartAsync(site);
            Console.WriteLine($"Lighthouse 12.2 (mobile, simulated slow 4G), median of {runs} runs a page; {Machine.Describe()}");
            Console.WriteLine("| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var page in Pages)
            {
                var reports = new List<JsonElement>();
                for (var run = 0; run < runs; run++)
                {
                    reports.Add(await Lighthouse(tool, server.Origin + "/ReportArchive/" + page, root));
                }

                string Score(string category) => $"{Median(reports.Select(r => r.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble() * 100)):0}";
                string Audit(string id) => $"{Median(reports.Select(r => r.GetProperty("audits").GetProperty(id).GetProperty("numericValue").GetDouble())):0} ms";
                Console.WriteLine($"| {page} | {Score("performance")} | {Score("accessibility")} | {Score("best-practices")} | {Score("seo")} | {Audit("first-contentful-paint")} | {Audit("largest-contentful-paint")} | {Audit("total-blocking-time")} |");
            }

            return 0;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<JsonElement> Lighthouse(string tool, string url, string root)
    {
        var report = Path.Combine(root, "lighthouse.json");
        await Processes.RunAsync("node", $"\"{Path.Combine(tool, "node_modules", "lighthouse", "cli", "index.js")}\" \"{url}\" \"--chrome-flags=--headless=new --no-sandbox --disable-gpu\" --output=json \"--output-path={report}\" --quiet", tool);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        return json.RootElement.Clone();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
