using System.Buffers.Binary;
using System.Diagnostics;
using ReportArchive.Pipeline;
using ReportArchive.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace ReportArchive.Tests.Photos;

/// <summary>A broken or hostile photo stops the build with the Markdown file and line that uses it, and nothing is written.</summary>
public class PhotoInputTests
{
    private const string Markdown = """
        ---
        title: 测试报道
        date: 2023-05-04
        ---

        导语段落。

        ![区财政局举行宣讲活动。](photos/photo.jpg)
        """;

    public static TheoryData<string, string> BrokenPhotos() => new()
    {
        { "zero-byte", "is an empty file" },
        { "truncated", "is a truncated JPEG" },
        { "random-bytes", "is not an image that can be read" },
        { "gif", "is a GIF image" },
        { "bomb", "claims 30000 x 30000 pixels" },
    };

    [Theory]
    [MemberData(nameof(BrokenPhotos))]
    public async Task A_broken_photo_is_an_error_at_the_line_that_uses_it(string kind, string message)
    {
        using var site = SiteWithPhoto(PhotoBytes(kind));
        var clock = Stopwatch.StartNew();
        var result = await site.BuildAsync();

        var error = DiagnosticAssert.Single(result, "RA143");
        Assert.Equal(Severity.Error, error.Severity);
        Assert.EndsWith("report-a/index.zh.md", error.File);
        Assert.Equal(8, error.Line);
        Assert.Contains(message, error.Message);
        Assert.False(result.Written);
        Assert.False(Directory.Exists(site.Output));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "a refused photo should not be decoded"); // a loose bound; the bomb would take minutes
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
        var source = new MemoryStream();
        image.SaveAsJpeg(source);
        Assert.Contains("CAMERA-SERIAL-123456", System.Text.Encoding.ASCII.GetString(source.ToArray()));

        using var site = SiteWithPhoto(source.ToArray());
        var result = await site.BuildAsync();

        Assert.True(result.Written);
        var published = Directory.GetFiles(Path.Combine(site.Output, "photos"), "*", SearchOption.AllDirectories);
        Assert.Equal(4, published.Length); // 480 and 800 pixels wide, as JPEG and WebP
        foreach (var file in published)
        {
            var bytes = File.ReadAllBytes(file);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            Assert.DoesNotContain("CAMERA-SERIAL-123456", text);
            Assert.DoesNotContain("Photographer Name", text);
            Assert.DoesNotContain("Exif", text);
            Assert.Null(Image.Identify(bytes).Metadata.ExifProfile);
        }
    }

    private static TestSite SiteWithPhoto(byte[] bytes)
    {
        var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(Path.Combine(bundle, "photos"));
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), Markdown);
        File.WriteAllBytes(Path.Combine(bundle, "photos", "photo.jpg"), bytes);
        return site;
    }

    private static byte[] PhotoBytes(string kind)
    {
        switch (kind)
        {
            case "zero-byte":
                return [];
            case "random-bytes":
                return [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))];
            case "gif":
                using (var gif = new Image<Rgb24>(10, 10))
                {
                    var stream = new MemoryStream();
                    gif.SaveAsGif(stream);
                    return stream.ToArray();
                }

            case "bomb":
                return Bomb(30000, 30000);
            default:
                using (var jpeg = new Image<Rgb24>(400, 300, new Rgb24(10, 200, 30)))
                {
                    var stream = new MemoryStream();
                    jpeg.SaveAsJpeg(stream);
                    return stream.ToArray()[..(int)(stream.Length / 2)];
                }
        }
    }

    /// <summary>A PNG of a few hundred bytes whose header claims a huge image.</summary>
    private static byte[] Bomb(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
