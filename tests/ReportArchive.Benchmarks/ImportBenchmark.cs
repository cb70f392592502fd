using System.Diagnostics;
using System.Text;
using ReportArchive.Cli;

namespace ReportArchive.Benchmarks;

/// <summary>Import throughput: pages of the fixture corpus (every kind of furniture, jump, caption and layout it covers) laid end to
/// end into files of 1, 4 and 8 MB (the most a page may have), each imported by the command in this process; prints MB/s and the
/// drafts made. Then pages of other shapes, where a step that is not linear would show: text hard-wrapped at 40 characters with
/// no blank line (one paragraph of the whole page), lines of 2,000 characters, one single line, a character a line.</summary>
public static class ImportBenchmark
{
    public static async Task<int> RunAsync(int[] megabytes)
    {
        var pages = Path.Combine("tests", "ReportArchive.Tests", "Fixtures", "import", "pages");
        var utf8Pages = Directory.EnumerateDirectories(pages).Order(StringComparer.Ordinal)
            .Select(d => ReportArchive.Import.RawText.Decode(File.ReadAllBytes(Path.Combine(d, "page.txt"))).Text).ToList();
        var corpus = string.Join("\n\n", utf8Pages);
        var root = Path.Combine(Path.GetTempPath(), $"reportarchive-import-bench-{Environment.ProcessId}");
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"corpus: {utf8Pages.Count} fixture pages, {Encoding.UTF8.GetByteCount(corpus) / 1024.0:0.0} KiB, repeated to each size");
        try
        {
            foreach (var size in megabytes)
            {
                Directory.CreateDirectory(root);
                var file = Path.Combine(root, $"page-{size}mb.txt");
                var text = new StringBuilder();
                while ((text.Length + corpus.Length) * 3 < size << 20)
                {
                    text.Append(corpus).Append("\n\n");
                }

                await File.WriteAllTextAsync(file, text.ToString());
                var bytes = new FileInfo(file).Length;
                var stage = Stopwatch.StartNew();
                var (clean, _, _) = ReportArchive.Import.PageFurniture.Strip(text.ToString());
                var strip = stage.Elapsed.TotalSeconds;
                var unwrapped = ReportArchive.Import.PageLayout.Unwrap(clean);
                var unwrap = stage.Elapsed.TotalSeconds - strip;
                var parts = ReportArchive.Import.PageLayout.Reports(unwrapped).Count;
                Console.WriteLine($"  furniture {strip:0.00} s, unwrap {unwrap:0.00} s, cutting {parts} reports {stage.Elapsed.TotalSeconds - strip - unwrap:0.00} s");
                var parse = Stopwatch.StartNew();
                var parsed = ReportArchive.Import.NewspaperImporter.ImportAll(text.ToString()).Count;
                Console.WriteLine($"  reading alone (decode aside, nothing written): {parse.Elapsed.TotalSeconds:0.00} s for {parsed} drafts");
                var clock = Stopwatch.StartNew();
                var (stdout, stderr) = (new StringWriter(), new StringWriter());
                var code = await Commands.RunAsync(["import", file, "--input", Path.Combine(root, $"input-{size}"), "--slug", $"bench-{size}"], stdout, stderr);
                clock.Stop();
                var drafts = stdout.ToString().Split('\n').Count(l => l.StartsWith("Imported '", StringComparison.Ordinal));
                Console.WriteLine($"{bytes / 1048576.0,6:0.0} MB: {clock.Elapsed.TotalSeconds,6:0.00} s, {bytes / 1048576.0 / clock.Elapsed.TotalSeconds,5:0.00} MB/s, exit {code}, {drafts} drafts, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB");
                Directory.Delete(root, recursive: true);
            }
        }
        finally
        {
            Shapes(megabytes);
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    private static void Shapes(int[] megabytes)
    {
        const string Han = "兖州区人民检察院积极探索党建业务服务融合发展新路径老尚工作室就是其中代表教育是党之大计国之大计，";
        var random = new Random(7);
        string Line(int length) => new([.. Enumerable.Range(0, length).Select(_ => Han[random.Next(Han.Length)])]);
        var shapes = new (string Name, Func<string> Line)[]
        {
            ("wrapped at 40, no blank line", () => Line(40)), ("lines of 2,000 characters", () => Line(2000)),
            ("a character a line", () => Line(1)), ("one single line", () => Line(4096)),
        };
        Console.WriteLine("shapes (reading alone, nothing written):");
        foreach (var (name, line) in shapes)
        {
            foreach (var size in megabytes)
            {
                var text = new StringBuilder("济宁日报\n2024年3月15日 星期五\n第3版\n\n标题在这里\n\n");
                var separator = name == "one single line" ? "" : "\n";
                while (text.Length * 3 < (size << 20) * 0.95)
                {
                    text.Append(line()).Append(separator);
                }

                var clock = Stopwatch.StartNew();
                string outcome;
                try
                {
                    outcome = $"{ReportArchive.Import.NewspaperImporter.ImportAll(text.ToString(), new DateOnly(2024, 3, 15)).Count} drafts";
                }
                catch (ReportArchive.Import.ImportException e)
                {
                    outcome = $"refused: {e.Code} {e.Message}";
                }

                Console.WriteLine($"  {name,-30} {size,3} MB: {clock.Elapsed.TotalSeconds,6:0.00} s ({clock.Elapsed.TotalSeconds / size:0.00} s/MB), {outcome}");
            }
        }
    }
}
