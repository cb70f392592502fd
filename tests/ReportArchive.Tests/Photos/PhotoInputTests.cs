using ReportArchive.Build;
using ReportArchive.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ReportArchive.Tests.Photos;

/// <summary>A broken or hostile photo stops the build with the Markdown file and line that uses it, and nothing is written.</summary>
public class PhotoInputTests
{
    public static TheoryData<string, string> BrokenPhotos() => new()
    {
        { "zero-byte.jpg", "is an empty file" },
        { "truncated.jpg", "is a truncated JPEG" },
        { "random-bytes.jpg", "is not an image that can be read" },
        { "gif-named-jpg.jpg", "is a GIF image: the archive takes JPEG, PNG and WebP" },
        { "bomb.png", "claims 30000 x 30000 pixels" },
    };

    /// <summary>Each file of Fixtures/photos, used by a report: the error names the Markdown line, and no site is written.</summary>
    [Theory]
    [MemberData(nameof(BrokenPhotos))]
    public async Task A_broken_photo_is_an_error_at_the_line_that_uses_it(string fixture, string message)
    {
        using var site = PhotoSite.With(File.ReadAllBytes(Paths.Fixture("photos", fixture)), Path.GetExtension(fixture));
        var result = await site.BuildAsync();

        var error = DiagnosticAssert.Single(result, "RA143");
        Assert.Equal(Severity.Error, error.Severity);
        Assert.EndsWith("report-a/index.zh.md", error.File);
        Assert.Equal(8, error.Line);
        Assert.Contains(message, error.Message);
        Assert.False(result.Written);
        Assert.False(Directory.Exists(site.Output));
        Assert.False(Directory.Exists(Path.Combine(site.Cache, "photos")) && Directory.EnumerateFileSystemEntries(Path.Combine(site.Cache, "photos")).Any());
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_alone()
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var problem = ReportArchive.Photos.PhotoProcessor.Validate(File.ReadAllBytes(Paths.Fixture("photos", "bomb.png")));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Contains("claims 30000 x 30000 pixels", problem);
        Assert.True(allocated < 16 * 1024 * 1024, $"validating the bomb allocated {allocated:N0} bytes");
    }

    [Fact]
    public async Task No_metadata_survives_in_the_published_photo()
    {
        using var image = new Image<Rgb24>(800, 600, new Rgb24(120, 140, 160));
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(35, 1), new Rational(33, 1), new Rational(0, 1)]);
        image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
        image.Metadata.ExifProfile.SetValue(ExifTag.SerialNumber, "CAMERA-SERIAL-123456");
        image.Metadata.ExifProfile.SetValue(ExifTag.Artist, "Photographer Name");
        image.Metadata.IptcProfile = new SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcProfile();
        image.Metadata.IptcProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Iptc.IptcTag.Byline, "Iptc Author Name");
        image.Metadata.XmpProfile = new SixLabors.ImageSharp.Metadata.Profiles.Xmp.XmpProfile(System.Text.Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:creator=\"Xmp Creator Name\"/></rdf:RDF></x:xmpmeta>"));
        var source = new MemoryStream();
        image.SaveAsJpeg(source);
        var original = System.Text.Encoding.ASCII.GetString(source.ToArray());
        Assert.Contains("CAMERA-SERIAL-123456", original);
        Assert.Contains("Iptc Author Name", original);
        Assert.Contains("Xmp Creator Name", original);

        using var site = PhotoSite.With(source.ToArray());
        var result = await site.BuildAsync();

        Assert.True(result.Written);
        var published = Directory.GetFiles(Path.Combine(site.Output, "photos"), "*", SearchOption.AllDirectories);
        Assert.Equal(3, published.Length); // 480 and 800 pixels wide as WebP, 800 as JPEG
        foreach (var file in published)
        {
            var bytes = File.ReadAllBytes(file);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            Assert.DoesNotContain("CAMERA-SERIAL-123456", text);
            Assert.DoesNotContain("Photographer Name", text);
            Assert.DoesNotContain("Iptc Author Name", text);
            Assert.DoesNotContain("Xmp Creator Name", text);
            Assert.DoesNotContain("Exif", text);
            var metadata = Image.Identify(bytes).Metadata;
            Assert.Null(metadata.ExifProfile);
            Assert.Null(metadata.XmpProfile);
            Assert.Null(metadata.IptcProfile);
        }
    }
}
