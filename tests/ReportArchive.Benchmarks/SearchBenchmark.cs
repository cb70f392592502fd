using System.Diagnostics;
using Microsoft.Playwright;
using ReportArchive.Content;
using ReportArchive.Search;

namespace ReportArchive.Benchmarks;

/// <summary>Our search beside Pagefind 1.6.0 on one generated archive: index build time and size, and, in headless Chromium,
/// the bytes on the wire (gzipped as GitHub Pages serves them) before the first query, for it and for a second one, and the
/// time each query takes. Both engines are driven through their own JavaScript API and load the same number of results.</summary>
public static class SearchBenchmark
{
    private static readonly (string First, string Second)[] Queries =
    [
        ("耿丽丽", "老尚"), ("鲁担惠农贷", "兖周到"), ("专项债券", "PPP 项目"), ("teacher", "Geng Lili"), ("Shang Chuanyun", "procuratorate"),
    ];

    private const int Shown = 5;

    /// <summary>Each pair runs this many times, each in a fresh browser context; the figures are the medians.</summary>
    private const int Repeats = 3;

    public static async Task<int> RunAsync(int reports)
    {
        var root = Path.Combine(Path.GetTempPath(), $"reportarchive-search-bench-{Environment.ProcessId}");
        try
        {
            Console.WriteLine($"machine: {Machine.Describe()}");
            Corpus.Write(Path.Combine(root, "input"), reports);
            var site = Path.Combine(root, "site");
            var clock = Stopwatch.StartNew();
            var built = await SiteBuild.RunAsync(new BuildSettings(Path.Combine(root, "input"), "theme", site, null, Cache: Path.Combine(root, "cache")) { SizeLimit = long.MaxValue });
            Console.WriteLine($"site of {built.Reports} bilingual reports: {built.Pages} pages built in {clock.Elapsed.TotalSeconds:0.0} s");

            var loaded = ReportLoader.FindBundles(Path.Combine(root, "input"), ReportArchive.Configuration.LanguageSet.Default).Select(b => ReportLoader.Load(b, ReportArchive.Configuration.LanguageSet.Default, [])!).ToList();
            var latestFirst = Report.LatestFirst(loaded);
            SearchIndex.Build(latestFirst, new ReportArchive.Routing.Routes(ReportArchive.Configuration.LanguageSet.Default, new Uri("https://example.github.io/ReportArchive/")));
            clock.Restart();
            var files = SearchIndex.Build(latestFirst, new ReportArchive.Routing.Routes(ReportArchive.Configuration.LanguageSet.Default, new Uri("https://example.github.io/ReportArchive/")));
            var ours = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"index build, ours: {ours:0.00} s in process (second run), {Describe(Path.Combine(site, "search"))}");

            var pagefind = await RunPagefindAsync(site);
            Console.WriteLine($"index build, Pagefind 1.6.0: {pagefind:0.00} s wall for the CLI, {Describe(Path.Combine(site, "pagefind"))}");
            Console.WriteLine($"  index build ratio ours/Pagefind: {ours / pagefind:0.00}");

            await using var server = await CountingServer.StartAsync(site);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                Headless = true,
                ExecutablePath = File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });

            Console.WriteLine();
            Console.WriteLine($"KiB on the wire (gzip) and ms per query in headless Chromium; each pair in a fresh browser context, median of {Repeats}; {Shown} results' excerpts loaded (ours from the reports' pages, Pagefind from its fragments)");
            Console.WriteLine($"{"engine",-9} {"first query",-16} {"second query",-16} {"load",7} {"1st",7} {"2nd",7} {"1st ms",7} {"warm ms",7} {"2nd ms",7} {"rank ms",7} {"hits 1st/2nd",14}");
            var totals = new Dictionary<string, double[]>();
            foreach (var (first, second) in Queries)
            {
                foreach (var engine in new[] { "ours", "Pagefind" })
                {
                    var runs = new List<Row>();
                    for (var i = 0; i < Repeats; i++)
                    {
                        runs.Add(await MeasureAsync(browser, server, engine, first, second));
                    }

                    var row = Median(runs);
                    Console.WriteLine($"{engine,-9} {first,-16} {second,-16} {row.Load / 1024,7:0.0} {row.First / 1024,7:0.0} {row.Second / 1024,7:0.0} {row.FirstMs,7:0.0} {row.WarmMs,7:0.0} {row.SecondMs,7:0.0} {row.RankedMs,7:0.0} {row.Hits,14}");
                    var sums = totals.TryGetValue(engine, out var s) ? s : totals[engine] = new double[7];
                    double[] values = [row.Load, row.First, row.Second, row.FirstMs, row.WarmMs, row.SecondMs, row.RankedMs];
                    for (var i = 0; i < values.Length; i++)
                    {
                        sums[i] += values[i] / Queries.Length;
                    }
                }
            }

            var (o, p) = (totals["ours"], totals["Pagefind"]);
            Console.WriteLine();
            Console.WriteLine($"mean of {Queries.Length} pairs: ours load {o[0] / 1024:0.0} KiB + first query {o[1] / 1024:0.0} KiB; Pagefind load {p[0] / 1024:0.0} KiB + first query {p[1] / 1024:0.0} KiB");
            Console.WriteLine($"  bytes up to the first results, ours/Pagefind: {(o[0] + o[1]) / (p[0] + p[1]):0.00} (goal <= 0.33); second query: {o[2] / Math.Max(1, p[2]):0.00}");
            Console.WriteLine($"  time per query with {Shown} results' fragments, ours: first {o[3]:0.0} ms, repeated {o[4]:0.0} ms, second {o[5]:0.0} ms; Pagefind: {p[3]:0.0} / {p[4]:0.0} / {p[5]:0.0} ms");
            Console.WriteLine($"  time to the ranked list (shards fetched, fragments not yet), ours: {o[6]:0.0} ms (goal < 50 ms); Pagefind: {p[6]:0.0} ms");
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

    /// <summary>Only the index build, in process, three times over the same loaded reports: the figure to watch when changing it.</summary>
    public static int IndexOnly(int reports)
    {
        var input = Path.Combine(Path.GetTempPath(), $"reportarchive-index-bench-{Environment.ProcessId}");
        try
        {
            Console.WriteLine($"machine: {Machine.Describe()}");
            Corpus.Write(input, reports);
            var latestFirst = Report.LatestFirst(ReportLoader.FindBundles(input, ReportArchive.Configuration.LanguageSet.Default).Select(b => ReportLoader.Load(b, ReportArchive.Configuration.LanguageSet.Default, [])!));
            for (var run = 1; run <= 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var files = SearchIndex.Build(latestFirst, new ReportArchive.Routing.Routes(ReportArchive.Configuration.LanguageSet.Default, new Uri("https://example.github.io/ReportArchive/")));
                Console.WriteLine($"index of {reports} bilingual reports, run {run}: {clock.Elapsed.TotalSeconds:0.00} s, {files.Count:N0} files, " +
                    $"{files.Sum(f => (long)f.Bytes!.Length) / 1048576.0:0.0} MiB");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }

    private static Row Median(List<Row> runs)
    {
        double M(Func<Row, double> f) => runs.Select(f).Order().ElementAt(runs.Count / 2);
        return new Row(M(r => r.Load), M(r => r.First), M(r => r.Second), M(r => r.FirstMs), M(r => r.WarmMs), M(r => r.SecondMs), M(r => r.RankedMs), runs[0].Hits);
    }

    private sealed record Row(double Load, double First, double Second, double FirstMs, double WarmMs, double SecondMs, double RankedMs, string Hits);

    private const string OursScript = """
        async ([q1, q2, shown]) => {
          const load = (name) => {
            const t = performance.now();
            return fetch('/ReportArchive/search/' + name).then((r) => r.arrayBuffer()).then((b) => ReportArchiveSearch.parseIndexFile(new Uint8Array(b))).then((json) => {
              window.__fetched = Math.max(window.__fetched || 0, performance.now() - t);
              return json;
            });
          };
          const query = async (index, q) => {
            window.__fetched = 0;
            const t = performance.now();
            const result = await index.search({ q });
            const ranked = performance.now() - t;
            console.log('ranked ' + q + ' in ' + ranked.toFixed(1) + ' ms, of which the longest fetch ' + window.__fetched.toFixed(1) + ' ms');
            const ids = result.groups.slice(0, shown).flatMap((g) => g.sections.slice(0, 3).map((s) => s.id));
            await Promise.all(ids.map((id) => index.fragment(id)));
            return { ms: performance.now() - t, ranked, hits: result.groups.length };
          };
          // Results are read from the reports' pages, as the search page reads them.
          const loadPage = (url) => fetch(url).then((r) => r.text()).then((html) => new DOMParser().parseFromString(html, 'text/html'));
          if (q1 === null) { window.__index = new ReportArchiveSearch.Index(load, loadPage); await window.__index.open(); return null; }
          const a = await query(window.__index, q1);
          const warm = await query(window.__index, q1);
          return { a, warm, b: q2 === null ? null : await query(window.__index, q2) };
        }
        """;

    private const string PagefindScript = """
        async ([q1, q2, shown]) => {
          const query = async (q) => {
            const t = performance.now();
            const search = await window.__pagefind.search(q);
            const ranked = performance.now() - t;
            await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
            return { ms: performance.now() - t, ranked, hits: search.results.length };
          };
          if (q1 === null) { window.__pagefind = await import('/ReportArchive/pagefind/pagefind.js'); await window.__pagefind.init(); return null; }
          const a = await query(q1);
          const warm = await query(q1);
          return { a, warm, b: await query(q2) };
        }
        """;

    private static async Task<Row> MeasureAsync(IBrowser browser, CountingServer server, string engine, string first, string second)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        if (Environment.GetEnvironmentVariable("SEARCH_BENCH_TRACE") is not null)
        {
            page.Console += (_, m) => Console.WriteLine("  " + m.Text);
        }

        var script = engine == "ours" ? OursScript : PagefindScript;
        bool Counted(string path) => engine == "ours"
            ? path.StartsWith("/ReportArchive/search/", StringComparison.Ordinal) || path.StartsWith("/ReportArchive/assets/search.", StringComparison.Ordinal)
                || path.Contains("/reports/", StringComparison.Ordinal) // the pages results are read from
            : path.StartsWith("/ReportArchive/pagefind/", StringComparison.Ordinal);
        long Bytes() => server.Take().Where(e => Counted(e.Path)).Sum(e => e.Bytes);

        server.Take();
        await page.GotoAsync(server.Origin + "/ReportArchive/zh/search/");
        await page.EvaluateAsync(script, new object?[] { null, null, Shown });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var load = Bytes();
        var result = await page.EvaluateAsync<System.Text.Json.JsonElement>(script, new object?[] { first, second, Shown });
        // The script ran both queries; split their bytes by running the first alone in a fresh page of the same kind.
        var both = Bytes();
        await using var alone = await browser.NewContextAsync();
        var single = await alone.NewPageAsync();
        await single.GotoAsync(server.Origin + "/ReportArchive/zh/search/");
        await single.EvaluateAsync(script, new object?[] { null, null, Shown });
        await single.WaitForLoadStateAsync(LoadState.NetworkIdle);
        server.Take();
        await single.EvaluateAsync(engine == "ours" ? OursScript : PagefindScript, new object?[] { first, first, Shown });
        var firstBytes = Bytes();
        double Ms(string key) => result.GetProperty(key).GetProperty("ms").GetDouble();
        int Hits(string key) => result.GetProperty(key).GetProperty("hits").GetInt32();
        return new Row(load, firstBytes, both - firstBytes, Ms("a"), Ms("warm"), Ms("b"), (result.GetProperty("a").GetProperty("ranked").GetDouble() + result.GetProperty("b").GetProperty("ranked").GetDouble()) / 2,
            $"{Hits("a")}/{Hits("b")}");
    }

    private static async Task<double> RunPagefindAsync(string site)
    {
        var tool = Path.GetFullPath(Path.Combine("tests", "ReportArchive.Benchmarks", "pagefind"));
        if (!File.Exists(Path.Combine(tool, "node_modules", ".bin", "pagefind")))
        {
            await Processes.RunAsync("npm", "ci --no-audit --no-fund", tool);
        }

        var clock = Stopwatch.StartNew();
        await Processes.RunAsync(Path.Combine(tool, "node_modules", ".bin", "pagefind"),
            $"--site {site} --glob \"{{zh,en}}/reports/*/*/index.html\" --force-language zh --output-subdir pagefind", tool);
        return clock.Elapsed.TotalSeconds;
    }


    private static string Describe(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        return $"{files.Count:N0} files, {bytes / 1048576.0:0.0} MiB on disk";
    }
}
