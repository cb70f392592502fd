using System.Globalization;

namespace ReportArchive.Benchmarks;

/// <summary>Full builds of generated archives of growing size, in three shapes (sampled: three to five sections of a few paragraphs;
/// full: every section, four paragraphs each; short: every section, four short paragraphs each, other English), ours beside Hugo
/// on the same bundles (with the minimal templates in tests/ReportArchive.Benchmarks/hugo) and beside Hugo followed by Pagefind
/// (the stack a Hugo user runs to have search), each a fresh process measured by GNU time: wall time, CPU time, peak memory, and
/// the bytes each publishes; then a maintainer's rebuild, one report edited, each program over its last output.</summary>
/// <remarks>The two programs take turns, three runs each, and the medians are compared. Every run writes into a new folder and
/// nothing is deleted until the end: on ext4 without a journal, creating files soon after many were deleted is several times
/// slower (the allocator skips inodes freed in the last minutes), which would penalise whichever program ran after a deletion.</remarks>
public static class ScaleBenchmark
{
    private const int Runs = 3;

    /// <summary>The largest archive Pagefind is run over (it took 12 GB of memory at 10,000 reports).</summary>
    private const int PagefindLimit = 10_000;

    /// <summary>Pagefind's command, installed from the pinned package.json if it is not yet; null when npm cannot install it.</summary>
    private static async Task<string?> PagefindAsync()
    {
        var tool = Path.GetFullPath(Path.Combine("tests", "ReportArchive.Benchmarks", "pagefind"));
        var command = Path.Combine(tool, "node_modules", ".bin", "pagefind");
        if (!File.Exists(command))
        {
            await Processes.RunAsync("npm", "ci --no-audit --no-fund", tool);
        }

        return File.Exists(command) ? command : null;
    }

    public static async Task<int> RunAsync(int[] sizes, string? folder, CorpusShape[] shapes, bool withPagefind = true)
    {
        foreach (var tool in new[] { "/usr/bin/time", "hugo" })
        {
            if (!File.Exists(tool) && !Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, tool))))
            {
                Console.Error.WriteLine($"{tool} is missing: apt-get install time hugo");
                return 1;
            }
        }

        var root = Path.Combine(folder ?? Path.GetTempPath(), $"reportarchive-scale-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        Console.WriteLine($"machine: {Machine.Describe()}; working folder {root} on {FileSystem(root)}");
        // The program as the deployment runs it (.ci/validate-content): compiled ahead of time (Native AOT) for this machine.
        var published = Path.Combine(root, "program");
        var compiled = await Processes.RunAsync("dotnet", $"publish site -c Release -o {published} --use-current-runtime -p:PublishAot=true -v q -nologo", ".");
        var program = Path.Combine(published, "reportarchive");
        if (!File.Exists(program))
        {
            Console.Error.WriteLine($"the program did not compile ahead of time (it needs clang: apt-get install clang zlib1g-dev):\n{compiled.Output}{compiled.Errors}");
            return 1;
        }

        Console.WriteLine((await Processes.RunAsync("hugo", "version", ".")).Output.Trim());
        var pagefindTool = withPagefind ? await PagefindAsync() : null;
        Console.WriteLine(!withPagefind ? "Pagefind: left out (--hugo-alone): Hugo alone" : pagefindTool is null ? "Pagefind: not installed (npm ci in tests/ReportArchive.Benchmarks/pagefind): Hugo alone" : "Pagefind 1.6.0 (npm), run over Hugo's output after each Hugo build");
        Console.WriteLine($"medians of {Runs} runs each, the two programs taking turns");
        Console.WriteLine($"{"reports",8} {"shape",-8} {"engine",-8} {"wall s",7} {"cpu s",7} {"peak MiB",9} {"html pages",11} {"files",8} {"MiB out",8} {"s/1000",7}  {"runs (wall s)"}");
        try
        {
            foreach (var (shape, size) in shapes.SelectMany(shape => sizes.Select(size => (shape, size))))
            {
                var input = Path.Combine(root, $"{shape}-{size}", "input");
                Corpus.Write(input, size, shape: shape);
                var ours = new List<Measure>();
                var hugo = new List<Measure>();
                var pagefind = new List<Measure>();
                for (var run = 0; run < Runs; run++)
                {
                    var output = Path.Combine(root, $"{shape}-{size}", $"run{run}");
                    async Task Ours() => ours.Add(await MeasureAsync(program, $"build --input {input} --output {output}/ours --cache {output}/cache --size-limit 0", $"{output}/ours"));
                    async Task Hugo()
                    {
                        hugo.Add(await MeasureAsync("hugo", $"--quiet --source tests/ReportArchive.Benchmarks/hugo --contentDir {input}/reports --destination {output}/hugo", $"{output}/hugo"));
                        // The stack a Hugo user runs to have search: Pagefind over Hugo's pages (its own files counted with them).
                        if (size <= PagefindLimit && pagefindTool is not null)
                        {
                            pagefind.Add(await MeasureAsync(pagefindTool, $"--site {output}/hugo --output-subdir pagefind", $"{output}/hugo"));
                        }
                    }
                    foreach (var measure in run % 2 == 0 ? new[] { Ours, Hugo } : [Hugo, Ours])
                    {
                        await measure();
                    }
                }

                var (o, h) = (Median(ours), Median(hugo));
                Print(size, shape, "ours", o, ours);
                Print(size, shape, "Hugo", h, hugo);
                Console.WriteLine($"{"",8} ratios ours/Hugo: wall {o.Wall / h.Wall:0.00}, cpu {o.Cpu / h.Cpu:0.00}, peak memory {o.PeakMiB / h.PeakMiB:0.00}, published {o.MiB / h.MiB:0.00}");
                if (pagefind.Count > 0)
                {
                    // Hugo, then Pagefind: the times add up, the peak is the larger of the two, the output is Hugo's with Pagefind's index.
                    var runs = hugo.Zip(pagefind, (a, b) => new Measure(a.Wall + b.Wall, a.Cpu + b.Cpu, Math.Max(a.PeakMiB, b.PeakMiB), b.Pages, b.Files, b.MiB)).ToList();
                    var hp = Median(runs);
                    Print(size, shape, "Hugo+PF", hp, runs);
                    Console.WriteLine($"{"",8} ratios ours/(Hugo + Pagefind 1.6.0): wall {o.Wall / hp.Wall:0.00}, cpu {o.Cpu / hp.Cpu:0.00}, peak memory {o.PeakMiB / hp.PeakMiB:0.00}, published {o.MiB / hp.MiB:0.00}");
                }
                else if (size > PagefindLimit)
                {
                    Console.WriteLine($"{"",8} Hugo + Pagefind not run above {PagefindLimit:N0} reports (Pagefind 1.6.0 took 12 GB at 10,000)");
                }

                // A maintainer's rebuild: each program builds again over its first run's output (this program's second build
                // there also leaves the spare tree it updates from then on), then one report's text is edited and each builds again.
                var first = Path.Combine(root, $"{shape}-{size}", "run0");
                await MeasureAsync(program, $"build --input {input} --output {first}/ours --cache {first}/cache --size-limit 0", $"{first}/ours");
                var edited = EditOneReport(input);
                var oursAgain = await MeasureAsync(program, $"build --input {input} --output {first}/ours --cache {first}/cache --size-limit 0", $"{first}/ours");
                var hugoAgain = await MeasureAsync("hugo", $"--quiet --source tests/ReportArchive.Benchmarks/hugo --contentDir {input}/reports --destination {first}/hugo", $"{first}/hugo");
                Console.WriteLine($"{"",8} rebuild after editing one report ({edited}) over the last output: ours {oursAgain.Wall:0.00} s ({oursAgain.Cpu:0.0} s CPU, {oursAgain.PeakMiB:0} MiB), Hugo {hugoAgain.Wall:0.00} s ({hugoAgain.Cpu:0.0} s CPU, {hugoAgain.PeakMiB:0} MiB)");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    /// <summary>Adds a sentence to the first paragraph of the middle report's original; returns the report's folder name.</summary>
    private static string EditOneReport(string input)
    {
        var bundles = Directory.GetDirectories(Path.Combine(input, "reports")).Order(StringComparer.Ordinal)
            .SelectMany(year => Directory.GetDirectories(year).Order(StringComparer.Ordinal)).ToList();
        var bundle = bundles[bundles.Count / 2];
        var file = Path.Combine(bundle, "index.zh.md");
        var lines = File.ReadAllLines(file);
        var body = Array.FindIndex(lines, Array.FindIndex(lines, 1, l => l == "---") + 1, l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('!') && !l.StartsWith('<'));
        lines[body] += "这一句是编辑后加上的。";
        File.WriteAllLines(file, lines);
        return Path.GetFileName(bundle);
    }

    private sealed record Measure(double Wall, double Cpu, double PeakMiB, int Pages, int Files, double MiB);

    private static Measure Median(List<Measure> runs)
    {
        double M(Func<Measure, double> f) => runs.Select(f).Order().ElementAt(runs.Count / 2);
        return new Measure(M(r => r.Wall), M(r => r.Cpu), M(r => r.PeakMiB), runs[0].Pages, runs[0].Files, runs[0].MiB);
    }

    private static void Print(int size, CorpusShape shape, string engine, Measure m, List<Measure> runs) =>
        Console.WriteLine($"{size,8} {shape.ToString().ToLowerInvariant(),-8} {engine,-8} {m.Wall,7:0.00} {m.Cpu,7:0.00} {m.PeakMiB,9:0} {m.Pages,11:N0} {m.Files,8:N0} {m.MiB,8:0.0} {m.Wall * 1000 / size,7:0.00}  " +
            string.Join(" ", runs.Select(r => r.Wall.ToString("0.0", CultureInfo.InvariantCulture))));

    private static async Task<Measure> MeasureAsync(string program, string arguments, string output)
    {
        // Dirty pages of the previous run are written out first, so that no run pays for another's.
        await Processes.RunAsync("sync", "", ".");
        var (_, errors) = await Processes.RunAsync("/usr/bin/time", $"-f \"RESOURCES %e %U %S %M\" {program} {arguments}", ".");
        var line = errors.Split('\n').Last(l => l.StartsWith("RESOURCES ", StringComparison.Ordinal)).Split(' ');
        double D(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        return new Measure(D(1), D(2) + D(3), D(4) / 1024, files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), files.Count,
            files.Sum(f => new FileInfo(f).Length) / 1048576.0);
    }

    /// <summary>The file system a folder is on, from /proc/mounts: the longest mount point that contains it.</summary>
    private static string FileSystem(string folder)
    {
        if (!File.Exists("/proc/mounts"))
        {
            return "an unknown file system";
        }

        var full = Path.GetFullPath(folder);
        var mount = File.ReadLines("/proc/mounts").Select(l => l.Split(' ')).Where(p => p.Length > 3 && (full + "/").StartsWith(p[1].TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(p => p[1].Length);
        return mount is null ? "an unknown file system" : $"{mount[2]} ({mount[0]} at {mount[1]}, {mount[3]})";
    }
}
