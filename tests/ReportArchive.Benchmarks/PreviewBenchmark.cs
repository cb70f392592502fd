using System.Diagnostics;
using ReportArchive.Preview;

namespace ReportArchive.Benchmarks;

/// <summary>Time from saving one report to the reloaded page being served, in a generated archive, measured over HTTP and the
/// preview's event stream as a browser sees them.</summary>
public static class PreviewBenchmark
{
    public static async Task<int> RunAsync(int reports, int edits, CorpusShape shape = CorpusShape.Sampled)
    {
        var root = Path.Combine(Path.GetTempPath(), $"reportarchive-preview-bench-{Environment.ProcessId}");
        try
        {
            Console.WriteLine($"machine: {Machine.Describe()}");
            var clock = Stopwatch.StartNew();
            Corpus.Write(Path.Combine(root, "input"), reports, shape: shape);
            Console.WriteLine($"generated {reports} bilingual reports ({shape.ToString().ToLowerInvariant()} shape) in {clock.Elapsed.TotalSeconds:0.0} s");

            clock.Restart();
            var settings = new BuildSettings(Path.Combine(root, "input"), "theme", Path.Combine(root, "output"), null, Cache: Path.Combine(root, "cache"));
            await using var server = await PreviewServer.StartAsync(settings, 0, TextWriter.Null);
            Console.WriteLine($"first preview build: {clock.Elapsed.TotalSeconds:0.00} s");

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            using var events = new StreamReader(await (await http.GetAsync(server.Url + "__preview/events", HttpCompletionOption.ResponseHeadersRead)).Content.ReadAsStreamAsync());
            await events.ReadLineAsync();
            var file = Directory.EnumerateFiles(Path.Combine(root, "input", "reports"), "index.en.md", SearchOption.AllDirectories).Order().First();
            var page = server.Url + "en/reports/" + Path.GetRelativePath(Path.Combine(root, "input", "reports"), Path.GetDirectoryName(file)!).Replace('\\', '/') + "/";
            var times = new List<double>();
            for (var i = 0; i < edits; i++)
            {
                var text = await File.ReadAllTextAsync(file);
                var marker = $"Edit {i} ";
                clock.Restart();
                await File.WriteAllTextAsync(file, System.Text.RegularExpressions.Regex.Replace(text, "title: \"(Edit \\d+ )?", $"title: \"{marker}"));
                while (await events.ReadLineAsync() is { } line && line != "event: reload")
                {
                }

                var html = await http.GetStringAsync(page);
                times.Add(clock.Elapsed.TotalMilliseconds);
                if (!html.Contains(marker))
                {
                    throw new InvalidOperationException("the reloaded page does not show the edit");
                }
            }

            times.Sort();
            Console.WriteLine($"save to reloaded page, {edits} edits of one report in {reports}: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
