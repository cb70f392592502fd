using AngleSharp.Html.Parser;
using ReportArchive.Photos;
using ReportArchive.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ReportArchive.Tests.Photos;

/// <summary>What a reader gets from each photo, and what a maintainer's second build costs.</summary>
public class PhotoPipelineTests
{
    [Theory]
    [InlineData((ushort)1)]
    [InlineData((ushort)2)]
    [InlineData((ushort)3)]
    [InlineData((ushort)4)]
    [InlineData((ushort)5)]
    [InlineData((ushort)6)]
    [InlineData((ushort)7)]
    [InlineData((ushort)8)]
    public async Task The_exif_orientation_is_applied(ushort orientation)
    {
        var source = PhotoSite.Quadrants(400, 200, orientation);
        using (var raw = Image.Load<Rgb24>(source))
        {
            Assert.Equal(orientation >= 5 ? (200, 400) : (400, 200), (raw.Width, raw.Height));
        }

        using var site = PhotoSite.With(source);
        var result = await site.BuildAsync();
        Assert.True(result.Written, string.Join("\n", result.Diagnostics));

        foreach (var file in Directory.GetFiles(Path.Combine(site.Output, "photos"), "*", SearchOption.AllDirectories))
        {
            using var image = Image.Load<Rgb24>(file);
            Assert.Equal(2, image.Width / image.Height);
            var (w, h) = (image.Width, image.Height);
            AssertColor(Color.Red, image[w / 4, h / 4], file);
            AssertColor(Color.Lime, image[3 * w / 4, h / 4], file);
            AssertColor(Color.Blue, image[w / 4, 3 * h / 4], file);
            AssertColor(Color.Yellow, image[3 * w / 4, 3 * h / 4], file);
            Assert.Null(image.Metadata.ExifProfile);
        }
    }

    [Theory]
    [InlineData(4000, new[] { 480, 960, 1600 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(300, new[] { 300 })]
    public async Task Each_photo_is_served_as_webp_at_480_960_and_1600_pixels_and_as_one_jpeg_never_upscaled(int width, int[] widths)
    {
        using var site = PhotoSite.With(PhotoSite.Quadrants(width, width * 3 / 4));
        await site.BuildAsync();

        var files = Directory.GetFiles(Path.Combine(site.Output, "photos"), "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        // Every width as WebP; one JPEG, at 960 pixels (or the photo's width when it is narrower), for browsers without WebP.
        Assert.Equal(widths.Length + 1, files.Count);
        foreach (var w in widths)
        {
            Assert.Contains(files, f => f!.StartsWith($"photo-{w}.") && f.EndsWith(".webp"));
        }

        Assert.Equal([$"photo-{widths.FirstOrDefault(w => w >= 960, widths[^1])}"], files.Where(f => f!.EndsWith(".jpg")).Select(f => f!.Split('.')[0]));

        foreach (var file in Directory.GetFiles(Path.Combine(site.Output, "photos"), "*", SearchOption.AllDirectories))
        {
            var info = Image.Identify(file);
            Assert.Equal(int.Parse(Path.GetFileName(file).Split('-', '.')[1]), info.Width);
            Assert.Equal(info.Width * 3 / 4, info.Height, tolerance: 1);
        }
    }

    [Fact]
    public async Task The_figure_is_a_picture_with_srcsets_sizes_and_a_placeholder_colour()
    {
        using var site = PhotoSite.WithPhotos(("first.jpg", PhotoSite.Quadrants(2000, 1500)), ("second.jpg", PhotoSite.Quadrants(1000, 750)));
        await site.BuildAsync();
        var page = new HtmlParser().ParseDocument(site.Read("zh/reports/2023/report-a/index.html"));

        var figures = page.QuerySelectorAll("figure");
        Assert.Equal(2, figures.Length);
        var webp = figures[0].QuerySelector("picture > source[type='image/webp']")!;
        var img = figures[0].QuerySelector("picture > img")!;
        Assert.Matches(@"^/archive/photos/2023/report-a/first-480\.[0-9a-f]{10}\.webp 480w, \S+-960\.[0-9a-f]{10}\.webp 960w, \S+-1600\.[0-9a-f]{10}\.webp 1600w$", webp.GetAttribute("srcset"));
        // Browsers without WebP get the one JPEG.
        Assert.Matches(@"^/archive/photos/2023/report-a/first-960\.[0-9a-f]{10}\.jpg$", img.GetAttribute("src"));
        Assert.Null(img.GetAttribute("srcset"));
        Assert.Contains("100vw", webp.GetAttribute("sizes"));
        Assert.Equal(("1600", "1200"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Matches(@"^background-color: #[0-9a-f]{6}$", img.GetAttribute("style"));
        Assert.Matches(@"-1600\.[0-9a-f]{10}\.webp$", figures[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Null(img.GetAttribute("decoding"));

        var second = figures[1].QuerySelector("picture > img")!;
        Assert.Equal("lazy", second.GetAttribute("loading"));
        Assert.Equal("async", second.GetAttribute("decoding"));
        Assert.Equal(("1000", "750"), (second.GetAttribute("width"), second.GetAttribute("height")));
        Assert.Equal("区财政局举行宣讲活动。", second.GetAttribute("alt"));
        Assert.Empty(new BuiltSite(site.Output, "/archive/").BrokenLinks());
    }

    [Fact]
    public async Task A_second_build_encodes_no_photo_and_gives_the_same_files()
    {
        using var site = PhotoSite.WithPhotos(("a.jpg", PhotoSite.Quadrants(1200, 900)), ("b.jpg", PhotoSite.Quadrants(900, 600)));
        var first = await site.BuildAsync();
        var files = Snapshot(site.Output);

        var second = await site.BuildAsync();

        Assert.Equal((2, 2, 0), (first.Photos, first.PhotosEncoded, first.PhotosReused));
        Assert.Equal((2, 0, 2), (second.Photos, second.PhotosEncoded, second.PhotosReused));
        Assert.Equal(files, Snapshot(site.Output));

        File.WriteAllBytes(Path.Combine(site.Bundle(2023, "report-a"), "photos", "b.jpg"), PhotoSite.Quadrants(900, 700));
        var third = await site.BuildAsync();
        Assert.Equal((1, 1), (third.PhotosEncoded, third.PhotosReused));
        var changed = Snapshot(site.Output);
        Assert.Equal(files.Keys.Where(k => k.Contains("/a-")), changed.Keys.Where(k => k.Contains("/a-")));
        Assert.Empty(files.Keys.Where(k => k.Contains("/b-")).Intersect(changed.Keys)); // new content, new names
    }

    [Fact]
    public async Task The_build_summary_says_how_many_photos_were_encoded_and_reused()
    {
        using var site = PhotoSite.With(PhotoSite.Quadrants(800, 600));
        var output = new StringWriter();
        string[] args = ["build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output];

        await ReportArchive.Cli.Commands.RunAsync([.. args, "--cache", site.Cache], output, TextWriter.Null);
        await ReportArchive.Cli.Commands.RunAsync([.. args, "--cache", site.Cache], output, TextWriter.Null);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("1 photo (1 encoded, 0 reused)", lines[0]);
        Assert.Contains("1 photo (0 encoded, 1 reused)", lines[1]);
    }

    private static SortedDictionary<string, string> Snapshot(string directory) =>
        new(Directory.EnumerateFiles(Path.Combine(directory, "photos"), "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(directory, f).Replace('\\', '/'),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    private static void AssertColor(Color expected, Rgb24 actual, string file)
    {
        var e = expected.ToPixel<Rgb24>();
        var distance = Math.Abs(e.R - actual.R) + Math.Abs(e.G - actual.G) + Math.Abs(e.B - actual.B);
        Assert.True(distance < 90, $"{Path.GetFileName(file)}: expected {e}, found {actual}");
    }

    [Fact]
    public async Task Two_photos_with_the_same_bytes_encoded_at_once_share_one_cache_entry()
    {
        using var folder = new TempDirectory();
        var cache = new PhotoCache(folder.Path);
        var encodings = 0;
        using var bothWaiting = new Barrier(2);
        EncodedPhoto Encode(string directory)
        {
            Interlocked.Increment(ref encodings);
            File.WriteAllText(Path.Combine(directory, "1.webp"), "x");
            Thread.Sleep(200); // long enough for the other caller to arrive while this one encodes
            return new EncodedPhoto(1, 1, "#000000", false, [new EncodedVariant(1, 1, null, null, "1.webp", "h")]);
        }

        EncodedPhoto Add()
        {
            bothWaiting.SignalAndWait();
            return cache.Add("same-key", Encode);
        }

        var results = await Task.WhenAll(Task.Run(Add), Task.Run(Add));

        Assert.Equal(1, encodings);
        Assert.All(results, r => Assert.Equal("1.webp", r.Variants.Single().WebpFile));
        Assert.NotNull(cache.TryGet("same-key"));
    }
}
