using System.Text.RegularExpressions;
using ReportArchive.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ReportArchive.Tests.Deployment;

/// <summary>The program compiled ahead of time (Native AOT, as .ci/validate-content and the scale benchmark publish it) does
/// exactly what the program the tests run does: the same exit code, the same messages and the same files, byte for byte, on
/// content of every kind: photos in every form the archive takes, hostile and invalid reports, a translation's status and
/// XLIFF, an imported newspaper page, a built site verified. A library that reaches by reflection for something the compiler
/// left out fails here, not in a deployment.</summary>
public partial class AheadOfTimeTests(AheadOfTimeTests.Compiled compiled) : IClassFixture<AheadOfTimeTests.Compiled>
{
    /// <summary>The site project published with <c>-p:PublishAot=true</c> once for the class.</summary>
    public sealed class Compiled : IDisposable
    {
        private readonly TempDirectory _folder = new();

        public Compiled()
        {
            var (code, output) = Processes.Run("dotnet", $"publish site -c Release -o {_folder.Path} --use-current-runtime -p:PublishAot=true --nologo",
                Paths.Repository);
            Assert.True(code == 0, "the program did not compile ahead of time (it needs clang: apt-get install clang zlib1g-dev):\n" + output);
            Program = Path.Combine(_folder.Path, "reportarchive");
        }

        public string Program { get; }

        public void Dispose() => _folder.Dispose();
    }

    public static TheoryData<string> Fixtures() =>
        [.. new[] { "seed", "trilingual", "payloads" }
            .Concat(Directory.GetDirectories(Paths.Fixture("hostile")).Select(d => "hostile/" + Path.GetFileName(d)))
            .Concat(Directory.GetDirectories(Paths.Fixture("invalid")).Select(d => "invalid/" + Path.GetFileName(d)))];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task A_build_gives_the_same_messages_and_files(string fixture)
    {
        using var site = new TestSite(fixture.Split('/'));
        await Same(site, "build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--cache", site.Cache);
    }

    [Fact]
    public async Task Photos_of_every_form_the_archive_takes_are_encoded_to_the_same_bytes()
    {
        using var site = PhotoSite.WithPhotos(
            ("orientation-6.jpg", PhotoSite.Quadrants(640, 480, orientation: 6)),
            ("plain.jpg", PhotoSite.Quadrants(900, 600)),
            ("grey.jpg", Encode(Gradient<L8>(700, 500), i => i.SaveAsJpeg)),
            ("quality-70.jpg", Encode(Gradient<Rgb24>(800, 500), i => (s => i.SaveAsJpeg(s, new SixLabors.ImageSharp.Formats.Jpeg.JpegEncoder { Quality = 70 })))),
            ("rgba.png", Encode(Gradient<Rgba32>(600, 400), i => i.SaveAsPng)),
            ("deep.png", Encode(Gradient<Rgb48>(600, 400), i => i.SaveAsPng)),
            ("grey-alpha.png", Encode(Gradient<La16>(500, 400), i => i.SaveAsPng)),
            ("palette.png", Encode(Gradient<Rgb24>(500, 300), i => (s => i.SaveAsPng(s, new SixLabors.ImageSharp.Formats.Png.PngEncoder { ColorType = SixLabors.ImageSharp.Formats.Png.PngColorType.Palette })))),
            ("lossy.webp", Encode(Gradient<Rgb24>(700, 400), i => (s => i.SaveAsWebp(s, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossy })))),
            ("lossless.webp", Encode(Gradient<Rgba32>(600, 400), i => (s => i.SaveAsWebp(s, new SixLabors.ImageSharp.Formats.Webp.WebpEncoder { FileFormat = SixLabors.ImageSharp.Formats.Webp.WebpFileFormatType.Lossless })))));
        var code = await Same(site, "build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--cache", site.Cache);

        Assert.Equal(0, code);
        var encoded = Directory.GetFiles(Path.Combine(site.Output, "photos"), "*.webp", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.All(Directory.GetFiles(Path.Combine(site.Bundle(2023, "report-a"), "photos")),
            photo => Assert.Contains(encoded, name => name!.StartsWith(Path.GetFileNameWithoutExtension(photo) + "-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Check_verify_status_xliff_and_import_give_the_same_results()
    {
        using var site = new TestSite("seed");
        await Same(site, "check", "--input", site.Input, "--theme", Paths.Theme);
        await Same(site, "status", "--input", site.Input, "--json");
        var xliff = Path.Combine(site.Input, "report.xlf");
        await Same(site, "xliff", "export", "yanzhou-party-building", "--all", "--output", xliff, "--input", site.Input);
        await Same(site, "import", Paths.Fixture("import", "variant-library.txt"), "--input", site.Input, "--slug", "library", "--date", "2031-03-15");

        Assert.Equal(0, (await CommandLine.RunAsync("build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--cache", site.Cache)).Code);
        await Same(site, "verify", "--input", site.Input, "--output", site.Output);
    }

    [Fact]
    public async Task The_compiled_program_takes_unchanged_bundles_as_it_kept_them_and_makes_the_same_site()
    {
        using var site = new TestSite("trilingual");
        FileTree.Settle(site.Input);

        // The first build makes the site, the second keeps the bundles it reads, the third reads none and takes every report's
        // pages from the spare (the first build's site).
        string[] build = ["build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--cache", site.Cache, "--timings"];
        Assert.Equal(0, Processes.Run(compiled.Program, build, Environment.CurrentDirectory).Code);
        var (code, first) = Processes.Run(compiled.Program, build, Environment.CurrentDirectory);
        Assert.Equal(0, code);
        Assert.Contains("Content: 2 bundles read, 0 as the last build read them", first);
        var site1 = Files(site.Output).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(site.Output, f)));

        (code, var second) = Processes.Run(compiled.Program, build, Environment.CurrentDirectory);
        Assert.Equal(0, code);
        Assert.Contains("Content: 0 bundles read, 2 as the last build read them", second);
        Assert.Matches(@"Pages: \d+ rendered, [1-9]\d* taken as the spare holds them \(those of 2 reports of 2\)", second);
        Assert.Equal(site1.Keys, Files(site.Output));
        Assert.All(site1, f => Assert.True(f.Value.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Output, f.Key))), f.Key));
    }

    /// <summary>Runs the command in process and then compiled, each on its own copy of the site as it was, and compares what they
    /// print (times aside), their exit codes, and every file of the site's folders afterwards.</summary>
    private async Task<int> Same(TestSite site, params string[] args)
    {
        var before = Path.Combine(Path.GetDirectoryName(site.Input)!, "before");
        CopyFolders(site, before);

        var inProcess = await CommandLine.RunAsync(args);
        var afterInProcess = Path.Combine(Path.GetDirectoryName(site.Input)!, "in-process");
        CopyFolders(site, afterInProcess);

        CopyFolders(before, site);
        var (code, output) = Processes.Run(compiled.Program, args, Environment.CurrentDirectory);

        Assert.Equal(Times(inProcess.Out + inProcess.Err), Times(output));
        Assert.Equal(inProcess.Code, code);
        foreach (var folder in Folders)
        {
            var expected = Path.Combine(afterInProcess, folder);
            var actual = Path.Combine(Path.GetDirectoryName(site.Input)!, folder);
            Assert.Equal(Files(expected), Files(actual));
            // The bundles each program kept name the program that read them (another build of it may read differently), and the
            // output's manifests the times its files were written at: the same files, not the same bytes. The test below has the
            // compiled program read back what it kept.
            bool Kept(string file) => folder == "cache" && (file.StartsWith("content" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.StartsWith("output" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            foreach (var file in Files(expected).Where(f => !Kept(f)))
            {
                Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))),
                    $"{string.Join(' ', args.Take(1))}: {folder}/{file} differs");
            }
        }

        foreach (var copy in new[] { before, afterInProcess })
        {
            Directory.Delete(copy, recursive: true);
        }

        return code;
    }

    /// <summary>What a command may change: the content, the site, the photo cache, and the previous site kept as the spare.</summary>
    private static readonly string[] Folders = ["input", "output", "cache", ".output.staging"];

    private static void CopyFolders(TestSite site, string to)
    {
        foreach (var folder in Folders)
        {
            var from = Path.Combine(Path.GetDirectoryName(site.Input)!, folder);
            if (Directory.Exists(from))
            {
                TempDirectory.Copy(from, Path.Combine(to, folder));
            }
        }
    }

    private static void CopyFolders(string from, TestSite site)
    {
        foreach (var folder in Folders)
        {
            var target = Path.Combine(Path.GetDirectoryName(site.Input)!, folder);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            if (Directory.Exists(Path.Combine(from, folder)))
            {
                TempDirectory.Copy(Path.Combine(from, folder), target);
            }
        }
    }

    private static List<string> Files(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>What a run printed, its durations masked.</summary>
    private static string Times(string printed) => Durations().Replace(printed.ReplaceLineEndings("\n").Trim(), "#");

    [GeneratedRegex(@"\d+(\.\d+)? m?s\b")]
    private static partial Regex Durations();

    private static Image<TPixel> Gradient<TPixel>(int width, int height)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var image = new Image<TPixel>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var pixel = default(TPixel);
                    pixel.FromRgba32(new Rgba32((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y) % 256), (byte)(128 + (x % 128))));
                    row[x] = pixel;
                }
            }
        });
        return image;
    }

    private static byte[] Encode<TPixel>(Image<TPixel> image, Func<Image<TPixel>, Action<Stream>> save)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using (image)
        {
            using var stream = new MemoryStream();
            save(image)(stream);
            return stream.ToArray();
        }
    }
}
