using System.Diagnostics;
using System.Globalization;

namespace ReportArchive.Benchmarks;

/// <summary>Full builds of generated archives of growing size, ours beside Hugo on the same bundles (with the minimal templates
/// in tests/ReportArchive.Benchmarks/hugo), each a fresh process measured by GNU time: wall time, CPU time, peak memory.</summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(int[] sizes)
    {
        foreach (var tool in new[] { "/usr/bin/time", "hugo" })
        {
            if (!File.Exists(tool) && !Environment.GetEnvironmentVariable("PATH")!.Split(':').Any(d => File.Exists(Path.Combine(d, tool))))
            {
                Console.Error.WriteLine($"{tool} is missing: apt-get install time hugo");
                return 1;
            }
        }

        Console.WriteLine($"machine: {Machine.Describe()}");
        await Processes.RunAsync("dotnet", "build -c Release site -v q -nologo", ".");
        var program = Path.GetFullPath(Path.Combine("site", "bin", "Release", "net10.0", "reportarchive.dll"));
        Console.WriteLine((await Processes.RunAsync("hugo", "version", ".")).Output.Trim());
        Console.WriteLine($"{"reports",8} {"engine",-8} {"wall s",7} {"cpu s",7} {"peak MiB",9} {"html pages",11} {"files",8} {"s/1000",7}");
        var root = Path.Combine(Path.GetTempPath(), $"reportarchive-scale-bench-{Environment.ProcessId}");
        try
        {
            foreach (var size in sizes)
            {
                var input = Path.Combine(root, $"{size}", "input");
                Corpus.Write(input, size);
                var ours = await MeasureAsync("dotnet", $"{program} build --input {input} --output {root}/{size}/ours --cache {root}/{size}/cache", Path.Combine(root, $"{size}", "ours"), size);
                var hugo = await MeasureAsync("hugo", $"--quiet --source tests/ReportArchive.Benchmarks/hugo --contentDir {input}/reports --destination {root}/{size}/hugo",
                    Path.Combine(root, $"{size}", "hugo"), size);
                Print(size, "ours", ours);
                Print(size, "Hugo", hugo);
                Console.WriteLine($"{"",8} ratios ours/Hugo: wall {ours.Wall / hugo.Wall:0.00}, cpu {ours.Cpu / hugo.Cpu:0.00}, peak memory {ours.PeakMiB / hugo.PeakMiB:0.00}");
                Directory.Delete(Path.Combine(root, $"{size}"), recursive: true);
            }
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return 0;
    }

    private sealed record Measure(double Wall, double Cpu, double PeakMiB, int Pages, int Files);

    private static void Print(int size, string engine, Measure m) =>
        Console.WriteLine($"{size,8} {engine,-8} {m.Wall,7:0.00} {m.Cpu,7:0.00} {m.PeakMiB,9:0} {m.Pages,11:N0} {m.Files,8:N0} {m.Wall * 1000 / size,7:0.00}");

    private static async Task<Measure> MeasureAsync(string program, string arguments, string output, int size)
    {
        var (_, errors) = await Processes.RunAsync("/usr/bin/time", $"-f \"RESOURCES %e %U %S %M\" {program} {arguments}", ".");
        var line = errors.Split('\n').Last(l => l.StartsWith("RESOURCES ", StringComparison.Ordinal)).Split(' ');
        double D(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToList();
        return new Measure(D(1), D(2) + D(3), D(4) / 1024, files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)), files.Count);
    }

}
