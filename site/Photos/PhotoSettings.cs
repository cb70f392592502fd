using ReportArchive.Build;

namespace ReportArchive.Photos;

/// <summary>What every photo is turned into: the widths served as WebP, the one width also served as JPEG (for browsers without
/// WebP, and for crawlers' previews), and the encoders' settings.
/// The settings were chosen by measurement (see the README's photo section); a change of any of them
/// changes <see cref="Fingerprint"/>, so the cache re-encodes every photo once.</summary>
public sealed record PhotoSettings(int[] Widths, int JpegWidth, int JpegQuality, int WebpQuality, int WebpMethod)
{
    public static PhotoSettings Default { get; } = new([480, 960, 1600], JpegWidth: 960, JpegQuality: 80, WebpQuality: 75, WebpMethod: 0);

    public int MaxWidth => Widths.Max();

    /// <summary>What a published file weighs a pixel, as the photo benchmark measured on 12 MP photos (WebP q75 at every width,
    /// JPEG q80 at 960): a check's estimate of the photos it has not encoded yet.</summary>
    public const double WebpBytesPerPixel = 0.031;

    public const double JpegBytesPerPixel = 0.104;

    /// <summary>The widths for a photo of <paramref name="width"/> pixels: never wider than the original, which is served at its own width when narrower than the largest.</summary>
    public int[] WidthsFor(int width) => [.. Widths.Where(w => w < width).Append(Math.Min(width, MaxWidth)).Distinct().Order()];

    /// <summary>Of <paramref name="widths"/> (a photo's, ascending), the one served as JPEG: the first at least
    /// <see cref="JpegWidth"/> wide, or the largest when the photo is narrower.</summary>
    public int JpegWidthOf(IReadOnlyList<int> widths) => widths.FirstOrDefault(w => w >= JpegWidth, widths[^1]);

    public string Fingerprint { get; } = Hashes.Hex(
        $"v2|{string.Join(',', Widths)}|jpeg {JpegWidth} {JpegQuality}|webp {WebpQuality} m{WebpMethod}", 8);
}
