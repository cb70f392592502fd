using System.Diagnostics;
using System.Security.Cryptography;
using ReportArchive.Build;
using ReportArchive.Reuse;
using ReportArchive.Tests.Support;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Build;

/// <summary>The differential test of everything a build reuses. A generated archive goes through random steps (see
/// <see cref="ArchiveSteps"/>); after each, the site an incremental build writes over the last one (with its cache, its spare and
/// its search history), and the site the preview makes in memory from what it kept (told of every change as its watcher is),
/// must be byte for byte the site a build into an empty folder with an empty cache makes. Some builds are killed first: the
/// program's process killed at a random moment, or the build stopped in process; what follows must not show it. A step that
/// makes a mistake must fail as a fresh build fails, and leave the last site as it was.
/// A failure prints the seed and the steps (set DIFFERENTIAL_SEED to run them again, DIFFERENTIAL_STEPS for more).</summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private static int Setting(string name, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : otherwise;

    [Fact]
    public async Task After_every_random_step_the_incremental_build_and_the_preview_make_what_a_fresh_build_makes()
    {
        var seed = Setting("DIFFERENTIAL_SEED", Random.Shared.Next());
        var steps = Setting("DIFFERENTIAL_STEPS", 150);
        var random = new Random(seed);
        using var site = new TestSite("trilingual");
        using var folders = new TempDirectory();
        var theme = folders["theme"];
        TempDirectory.Copy(Paths.Theme, theme);
        var archive = new ArchiveSteps(site.Input, theme, random);
        archive.AddReports(8);
        var settings = site.Settings() with { Theme = theme };
        var memo = new ReuseStore();
        memo.Changes.Watch();
        var log = new List<string>();
        var (kills, stops, failures, reusedSteps) = (0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        SortedDictionary<string, string>? last = null;
        try
        {
            var first = await SiteBuild.RunAsync(settings);
            Assert.True(first.Written, string.Join("\n", first.Diagnostics));
            last = FileTree.Hashes(site.Output);
            await SiteBuild.RunAsync(settings with { InMemory = true, Memo = memo });
            for (var step = 1; step <= steps; step++)
            {
                foreach (var path in archive.Step())
                {
                    memo.Changes.Changed(path);
                }

                log.Add($"{step}: {archive.Last}");
                switch (random.Next(10))
                {
                    case 0:
                        log.Add($"{step}: killed after {await Kill(settings, random.Next(50, 1500))} ms");
                        kills++;
                        break;
                    case 1:
                        await Stop(settings, random.Next(0, 400));
                        log.Add($"{step}: stopped in process");
                        stops++;
                        break;
                }

                var (fresh, freshFiles) = await Fresh(settings);
                var built = await SiteBuild.RunAsync(settings);
                Assert.Equal(Located(fresh), Located(built));
                Assert.Equal(fresh.Written, built.Written);
                var now = FileTree.Hashes(site.Output);
                if (fresh.Written)
                {
                    Assert.Equal(freshFiles, now);
                    last = now;
                    reusedSteps += built.ReportsKept > 0 || built.BundlesKept > 0 ? 1 : 0;
                }
                else
                {
                    failures++;
                    Assert.Equal(last, now); // a failed build leaves the last site as it was
                }

                var preview = await SiteBuild.RunAsync(settings with { InMemory = true, Memo = memo });
                Assert.Equal(Located(fresh), Located(preview));
                if (fresh.Written)
                {
                    Assert.Equal(freshFiles, Hashes(preview.Files));
                }
            }
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"seed {seed}, after these steps:\n{string.Join("\n", log.TakeLast(12))}\n{e.Message}");
        }

        output.WriteLine($"seed {seed}: {steps} steps in {clock.Elapsed.TotalSeconds:F0} s; {kills} kills, {stops} stops, {failures} failed builds; reuse in {reusedSteps}");
        Assert.True(reusedSteps > steps / 3, $"builds reused what the last one made in only {reusedSteps} of {steps} steps");
    }

    private static async Task<(BuildResult, SortedDictionary<string, string>)> Fresh(BuildSettings settings)
    {
        using var elsewhere = new TempDirectory();
        var result = await SiteBuild.RunAsync(settings with { Output = elsewhere["site"], Cache = elsewhere["cache"] });
        return (result, result.Written ? FileTree.Hashes(elsewhere["site"]) : []);
    }

    /// <summary>The diagnostics as a reader compares them: code, file and line.</summary>
    private static List<string> Located(BuildResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.Code} {d.File}({d.Line})").Order(StringComparer.Ordinal)];

    private static SortedDictionary<string, string> Hashes(IEnumerable<Output.OutputFile> files) =>
        new(files.ToDictionary(
            f => f.Path.Replace('/', Path.DirectorySeparatorChar),
            f => Convert.ToHexString(SHA256.HashData(f.Bytes ?? File.ReadAllBytes(f.SourceFile!)))), StringComparer.Ordinal);

    /// <summary>Starts the program's build and kills its process after <paramref name="after"/> milliseconds (or when it ends).</summary>
    private static async Task<long> Kill(BuildSettings settings, int after)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "reportarchive.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", program, "build", "--input", settings.Input, "--theme", settings.Theme, "--output", settings.Output, "--cache", settings.Cache])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Environment.CurrentDirectory,
        };
        using var process = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(after);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return clock.ElapsedMilliseconds;
    }

    /// <summary>Starts a build in process and stops it after <paramref name="after"/> milliseconds, if it has not ended.</summary>
    private static async Task Stop(BuildSettings settings, int after)
    {
        using var stop = new CancellationTokenSource(after);
        try
        {
            await SiteBuild.RunAsync(settings, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
