using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace ReportArchive.Photos;

/// <summary>Decodes a validated photo, applies its EXIF orientation, drops every metadata profile,
/// and encodes each width as WebP, and one width also as JPEG, into a folder.</summary>
public static class PhotoEncoder
{
    public static EncodedPhoto Encode(byte[] source, PhotoSettings settings, string directory)
    {
        using var image = Image.Load<Rgb24>(PhotoLimits.Configuration, source);
        var standIn = StandIn.IsMarked(image.Metadata.ExifProfile); // read before the profile is dropped
        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);

        var jpeg = new JpegEncoder { Quality = settings.JpegQuality };
        var webp = new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = settings.WebpQuality, Method = (WebpEncodingMethod)settings.WebpMethod };
        var variants = new List<EncodedVariant>();
        Image<Rgb24>? larger = null;
        try
        {
            // From the largest width down, each resized from the one above: fewer pixels to read, and no visible loss.
            var widths = settings.WidthsFor(image.Width);
            var jpegWidth = settings.JpegWidthOf(widths);
            foreach (var width in widths.Reverse())
            {
                var from = larger ?? image;
                var resized = width == from.Width ? from.Clone() : from.Clone(x => x.Resize(width, 0, KnownResamplers.Lanczos3));
                StripMetadata(resized);
                var (jpegFile, webpFile) = (width == jpegWidth ? $"{width}.jpg" : null, $"{width}.webp");
                var jpegHash = jpegFile is null ? null : Save(resized, Path.Combine(directory, jpegFile), jpeg);
                var webpHash = Save(resized, Path.Combine(directory, webpFile), webp);
                variants.Insert(0, new EncodedVariant(width, resized.Height, jpegFile, jpegHash, webpFile, webpHash));
                larger?.Dispose();
                larger = resized;
            }

            return new EncodedPhoto(variants[^1].Width, variants[^1].Height, DominantColor(larger!), standIn, variants);
        }
        finally
        {
            larger?.Dispose();
        }
    }

    private static string Save(Image image, string path, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var bytes = new MemoryStream();
        image.Save(bytes, encoder);
        File.WriteAllBytes(path, bytes.ToArray());
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()))[..10];
    }

    private static void StripMetadata(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.IccProfile = null;
        }
    }

    /// <summary>The most common colour of a small copy, in coarse steps so that near shades count together.</summary>
    private static string DominantColor(Image<Rgb24> image)
    {
        using var small = image.Clone(x => x.Resize(32, 0));
        var counts = new Dictionary<int, (int Count, long R, long G, long B)>();
        small.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var p in rows.GetRowSpan(y))
                {
                    var bucket = (p.R >> 5 << 6) | (p.G >> 5 << 3) | (p.B >> 5);
                    var (count, r, g, b) = counts.GetValueOrDefault(bucket);
                    counts[bucket] = (count + 1, r + p.R, g + p.G, b + p.B);
                }
            }
        });
        var (n, sumR, sumG, sumB) = counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key).First().Value;
        return $"#{sumR / n:x2}{sumG / n:x2}{sumB / n:x2}";
    }
}
