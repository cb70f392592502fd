using System.Security.Cryptography;
using ReportArchive.Output;
using ReportArchive.Pipeline;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Processing;
using ImageConfiguration = SixLabors.ImageSharp.Configuration;

namespace ReportArchive.Photos;

/// <summary>Validates a report's photo and re-encodes it for the web: orientation applied, metadata removed, bounded in size.</summary>
public static class PhotoProcessor
{
    public const int MaxWidth = 1600;
    private const long MaxPixels = 100_000_000;

    private static readonly ImageConfiguration Limited = CreateConfiguration();

    /// <summary>Checks the photo and, unless <paramref name="encode"/> is false, returns it with its web version.</summary>
    public static IEnumerable<object> Process(PhotoRequest request, bool encode, ICollection<Diagnostic> diagnostics)
    {
        var path = Path.Combine(request.ReportDirectory, request.Source);
        void Fail(string message) => diagnostics.Add(Diagnostic.Error("RA143", request.UsedInFile, request.UsedAtLine, $"the photo '{request.Source}' {message}"));

        if (!File.Exists(path))
        {
            yield break; // reported by the content checks, with every place that uses it
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            Fail("is an empty file");
            yield break;
        }

        var info = Image.Identify(Limited, bytes, out var format);
        if (info is null || format is null)
        {
            Fail("is not an image that can be read (JPEG, PNG or WebP)");
            yield break;
        }

        if (format is not (JpegFormat or SixLabors.ImageSharp.Formats.Png.PngFormat or SixLabors.ImageSharp.Formats.Webp.WebpFormat))
        {
            Fail($"is a {format.Name} image: the archive takes JPEG, PNG and WebP");
            yield break;
        }

        if ((long)info.Width * info.Height > MaxPixels)
        {
            Fail($"claims {info.Width} x {info.Height} pixels, more than the {MaxPixels / 1_000_000} megapixels the archive takes");
            yield break;
        }

        if (format is JpegFormat && !EndsWithJpegEndMarker(bytes))
        {
            Fail("is a truncated JPEG (its end marker is missing): export it again");
            yield break;
        }

        var standIn = StandIn.IsMarked(info.Metadata.ExifProfile);
        Image image;
        try
        {
            image = Image.Load(Limited, bytes);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or InvalidMemoryOperationException or NotSupportedException)
        {
            Fail($"cannot be decoded: {e.Message}");
            yield break;
        }

        using (image)
        {
            image.Mutate(x => x.AutoOrient());
            if (image.Width > MaxWidth)
            {
                image.Mutate(x => x.Resize(MaxWidth, 0));
            }

            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;

            var name = Path.GetFileNameWithoutExtension(request.Source);
            var output = new MemoryStream();
            if (encode)
            {
                image.SaveAsJpeg(output, new JpegEncoder { Quality = 82 });
            }

            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var sitePath = $"{request.SitePrefix}{name}.{fingerprint}.jpg";
            yield return new Photo(request.ReportDirectory, request.Source, sitePath, image.Width, image.Height, standIn);
            if (encode)
            {
                yield return new OutputFile(sitePath, output.ToArray());
            }
        }
    }

    private static bool EndsWithJpegEndMarker(byte[] bytes)
    {
        var end = bytes.Length;
        while (end > 2 && bytes[end - 1] == 0)
        {
            end--; // some cameras pad the file after the marker
        }

        return end >= 2 && bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9;
    }

    private static ImageConfiguration CreateConfiguration()
    {
        var configuration = ImageConfiguration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = 512 });
        return configuration;
    }
}
