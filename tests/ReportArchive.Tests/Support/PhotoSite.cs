using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ReportArchive.Tests.Support;

/// <summary>Test sites whose one report uses photos made for the test.</summary>
public static class PhotoSite
{
    /// <summary>A report whose line 8 is a figure using <c>photos/photo{extension}</c> with these bytes.</summary>
    public static TestSite With(byte[] photo, string extension = ".jpg") => WithPhotos(("photo" + extension, photo));

    public static TestSite WithPhotos(params (string Name, byte[] Bytes)[] photos)
    {
        var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(Path.Combine(bundle, "photos"));
        var figures = string.Join("\n\n", photos.Select(p => $"![区财政局举行宣讲活动。](photos/{p.Name})"));
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 测试报道\ndate: 2023-05-04\n---\n\n导语段落。\n\n{figures}\n");
        foreach (var (name, bytes) in photos)
        {
            File.WriteAllBytes(Path.Combine(bundle, "photos", name), bytes);
        }

        return site;
    }

    /// <summary>A JPEG that shows four coloured quadrants (red, green / blue, yellow) at the given size once its EXIF orientation
    /// is applied: its pixels are stored turned the other way, as a camera held sideways stores them.</summary>
    public static byte[] Quadrants(int width, int height, ushort? orientation = null)
    {
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = (x < width / 2, y < height / 2) switch
                    {
                        (true, true) => Color.Red,
                        (false, true) => Color.Lime,
                        (true, false) => Color.Blue,
                        _ => Color.Yellow,
                    };
                }
            }
        });
        if (orientation is { } o)
        {
            image.Mutate(x => _ = o switch
            {
                2 => x.Flip(FlipMode.Horizontal),
                3 => x.Rotate(RotateMode.Rotate180),
                4 => x.Flip(FlipMode.Vertical),
                5 => x.Rotate(RotateMode.Rotate90).Flip(FlipMode.Horizontal),
                6 => x.Rotate(RotateMode.Rotate270),
                7 => x.Rotate(RotateMode.Rotate270).Flip(FlipMode.Horizontal),
                8 => x.Rotate(RotateMode.Rotate90),
                _ => x,
            });
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.Orientation, o);
        }

        var stream = new MemoryStream();
        image.SaveAsJpeg(stream);
        return stream.ToArray();
    }
}
