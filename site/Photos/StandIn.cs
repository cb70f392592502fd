using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace ReportArchive.Photos;

/// <summary>The mark that a photo is a generated stand-in (kept in its EXIF description, stripped from every output),
/// so that the page labels it as an illustration until a maintainer drops in the real photo under the same name.</summary>
public static class StandIn
{
    public const string Marker = "ReportArchive stand-in";

    public static bool IsMarked(ExifProfile? exif) =>
        exif?.GetValue(ExifTag.ImageDescription)?.Value?.StartsWith(Marker, StringComparison.Ordinal) == true;

    /// <summary>Draws a quiet, deterministic stand-in: a soft two-colour gradient with a frame, seeded by <paramref name="seed"/>.</summary>
    public static Image<SixLabors.ImageSharp.PixelFormats.Rgb24> Create(string seed, int width = 1600, int height = 1067)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        var (a, b) = (Tint(hash, 0), Tint(hash, 3));
        var image = new Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    var t = (x + (float)y) / (width + height);
                    var frame = x < 24 || y < 24 || x >= width - 24 || y >= height - 24;
                    var stripe = ((x + y) / 48 % 2 == 0) ? 1f : 0.94f;
                    var k = frame ? 0.8f : stripe;
                    row[x] = new((byte)(Lerp(a.R, b.R, t) * k), (byte)(Lerp(a.G, b.G, t) * k), (byte)(Lerp(a.B, b.B, t) * k));
                }
            }
        });
        image.Metadata.ExifProfile = new ExifProfile();
        image.Metadata.ExifProfile.SetValue(ExifTag.ImageDescription, $"{Marker}: {seed}");
        return image;
    }

    private static (byte R, byte G, byte B) Tint(byte[] hash, int at) =>
        ((byte)(150 + hash[at] % 90), (byte)(150 + hash[at + 1] % 90), (byte)(150 + hash[at + 2] % 90));

    private static float Lerp(byte from, byte to, float t) => from + ((to - from) * t);
}
