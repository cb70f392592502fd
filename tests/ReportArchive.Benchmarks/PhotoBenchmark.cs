using System.Diagnostics;
using ReportArchive.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

namespace ReportArchive.Benchmarks;

/// <summary>Photos per second through the build, cold (empty cache) and warm, beside libvips doing the same work.</summary>
public static class PhotoBenchmark
{
    private static readonly string Seed = Path.Combine("tests", "ReportArchive.Tests", "Fixtures", "seed");

    public static async Task<int> RunAsync(int count)
    {
        var root = Path.Combine(Path.GetTempPath(), $"reportarchive-photo-bench-{Environment.ProcessId}");
        var input = Path.Combine(root, "input");
        var bundle = Path.Combine(input, "reports", "2023", "photo-bench");
        Directory.CreateDirectory(Path.Combine(bundle, "photos"));
        File.Copy(Path.Combine(Seed, "site.yml"), Path.Combine(input, "site.yml"));
        File.Copy(Path.Combine(Seed, "taxonomy.yml"), Path.Combine(input, "taxonomy.yml"));
        try
        {
            Console.WriteLine($"machine: {Machine.Describe()}");
            Console.Write($"generating {count} photos of 4000 x 3000 (12 MP) ... ");
            var clock = Stopwatch.StartNew();
            Parallel.For(0, count, i =>
            {
                using var image = SyntheticPhoto.Create(4000, 3000, seed: i + 1);
                image.SaveAsJpeg(Path.Combine(bundle, "photos", $"p{i:D3}.jpg"), new JpegEncoder { Quality = 92 });
            });
            Console.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s, {new DirectoryInfo(Path.Combine(bundle, "photos")).EnumerateFiles().Sum(f => f.Length) / count / 1024} KiB each");
            var figures = string.Join("\n\n", Enumerable.Range(0, count).Select(i => $"![照片{i}。](photos/p{i:D3}.jpg)"));
            File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 照片\ndate: 2023-01-01\n---\n\n导语。\n\n{figures}\n");

            var settings = new BuildSettings(input, "theme", Path.Combine(root, "output"), null, Cache: Path.Combine(root, "cache"));
            var estimate = await SiteBuild.RunAsync(settings with { Check = true });
            var cold = await Time(() => SiteBuild.RunAsync(settings));
            var warm = await Time(() => SiteBuild.RunAsync(settings));
            var widths = PhotoSettings.Default;
            Console.WriteLine($"WebP q{widths.WebpQuality} (method {widths.WebpMethod}) at {string.Join(", ", widths.Widths)}, JPEG q{widths.JpegQuality} at {widths.JpegWidth}, {Environment.ProcessorCount} photos at a time");
            var published = new DirectoryInfo(Path.Combine(root, "output", "photos")).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            long Bytes(string extension) => published.Where(f => f.Extension == extension).Sum(f => f.Length);
            Console.WriteLine($"published: {published.Count / count} files and {published.Sum(f => f.Length) / count / 1024} KiB a photo " +
                $"(WebP {Bytes(".webp") / count / 1024} KiB, JPEG {Bytes(".jpg") / count / 1024} KiB)");
            Console.WriteLine($"check before encoding estimated the photos at {estimate.Size!.PhotoBytes / count / 1024} KiB a photo; the build made {cold.Result.Size!.PhotoBytes / count / 1024} KiB");
            // What the JPEGs dropped (every width but the fallback) would weigh: the former six files a photo.
            var dropped = Directory.GetFiles(Path.Combine(bundle, "photos")).Sum(photo =>
            {
                using var image = SixLabors.ImageSharp.Image.Load(photo);
                return widths.Widths.Where(w => w != widths.JpegWidth).Sum(w =>
                {
                    using var resized = image.Clone(x => x.Resize(w, 0));
                    using var bytes = new MemoryStream();
                    resized.SaveAsJpeg(bytes, new JpegEncoder { Quality = widths.JpegQuality });
                    return bytes.Length;
                });
            });
            Console.WriteLine($"JPEG at every width as well (the former {widths.Widths.Length * 2} files a photo) would add {dropped / count / 1024} KiB a photo: " +
                $"{(published.Sum(f => f.Length) + dropped) / count / 1024} KiB, {(double)published.Sum(f => f.Length) / (published.Sum(f => f.Length) + dropped):P0} of it now");
            Report("ReportArchive cold (encode all)", count, cold.Elapsed, $"{cold.Result.PhotosEncoded} encoded");
            Report("ReportArchive warm (cache)", count, warm.Elapsed, $"{warm.Result.PhotosReused} reused");

            var vips = Vips(Path.Combine(bundle, "photos"), Path.Combine(root, "vips"), widths);
            if (vips is { } v)
            {
                Report("vipsthumbnail, same sizes and qualities", count, v, "");
                Console.WriteLine($"ratio, cold time / vipsthumbnail time: {cold.Elapsed / v:0.00}");
            }
            else
            {
                Console.WriteLine("vipsthumbnail is not installed (apt-get install libvips-tools): no comparison");
            }

            var bomb = File.ReadAllBytes(Path.Combine("tests", "ReportArchive.Tests", "Fixtures", "photos", "bomb.png"));
            var refuse = Stopwatch.StartNew();
            for (var i = 0; i < 100; i++)
            {
                _ = PhotoProcessor.Validate(bomb) ?? throw new InvalidOperationException("the bomb was not refused");
            }

            Console.WriteLine($"refusing the 30000 x 30000 PNG bomb from its header: {refuse.Elapsed.TotalMilliseconds / 100:0.000} ms each");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Report(string what, int count, TimeSpan elapsed, string note) =>
        Console.WriteLine($"{what,-40} {elapsed.TotalSeconds,7:0.00} s  {count / elapsed.TotalSeconds,7:0.00} photos/s  {note}");

    private static async Task<(T Result, TimeSpan Elapsed)> Time<T>(Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        return (result, clock.Elapsed);
    }

    /// <summary>The same widths and formats with libvips, as many processes at a time as the build uses threads.</summary>
    private static TimeSpan? Vips(string photos, string output, PhotoSettings settings)
    {
        if (!File.Exists("/usr/bin/vipsthumbnail"))
        {
            return null;
        }

        Directory.CreateDirectory(output);
        var jobs = Directory.GetFiles(photos).SelectMany(photo => settings.Widths.Select(w => $"{photo} --size {w}x -o {output}/%s-{w}.webp[Q={settings.WebpQuality},strip]")
            .Append($"{photo} --size {settings.JpegWidth}x -o {output}/%s-{settings.JpegWidth}.jpg[Q={settings.JpegQuality},strip]")).ToList();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, arguments =>
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/vipsthumbnail", arguments) { RedirectStandardError = true })!;
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"vipsthumbnail {arguments}: {process.StandardError.ReadToEnd()}");
            }
        });
        return clock.Elapsed;
    }
}
