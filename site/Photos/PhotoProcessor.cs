using ReportArchive.Build;
using ReportArchive.Output;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp;

namespace ReportArchive.Photos;

/// <summary>Checks a report's photo, and turns it into the widths and formats the pages serve, from the cache when it can.</summary>
public static class PhotoProcessor
{
    /// <summary>The photo and its files. Without <paramref name="encode"/> (a check), nothing is encoded or written: a photo the
    /// cache holds is described from it, any other is measured from its header and its files' sizes estimated, so that a check
    /// knows what the site will weigh. Null when the photo is refused (the reason is reported).</summary>
    public static ProcessedPhoto? Process(PhotoRequest request, PhotoCache cache, PhotoSettings settings, bool encode, ICollection<Diagnostic> diagnostics)
    {
        var path = Path.Combine(request.ReportDirectory, request.Source);
        if (!File.Exists(path))
        {
            return null; // reported by the content checks, at every place that uses it
        }

        var bytes = Sources.SourceFiles.ReadBytes(Content.ReportLoader.InputRoot(request.ReportDirectory), path, Sources.SourceFiles.MaxPhotoBytes,
            problem => Diagnostic.Error("RA143", request.UsedInFile, request.UsedAtLine, $"the photo '{request.Source}' {problem}"), diagnostics);
        if (bytes is null)
        {
            return null;
        }

        if (Validate(bytes) is { } problem)
        {
            diagnostics.Add(Diagnostic.Error("RA143", request.UsedInFile, request.UsedAtLine, $"the photo '{request.Source}' {problem}"));
            return null;
        }

        if (IsAnimatedPng(bytes))
        {
            diagnostics.Add(Diagnostic.Warning("RA144", request.UsedInFile, request.UsedAtLine,
                $"the photo '{request.Source}' is an animated PNG: only its first frame is published"));
        }

        var key = $"{Hashes.Hex(bytes, 20)}-{settings.Fingerprint}";
        var reused = cache.TryGet(key);
        if (!encode && reused is null)
        {
            return Estimate(request, Image.Identify(bytes), settings);
        }

        EncodedPhoto encoded;
        try
        {
            encoded = reused ?? cache.Add(key, dir => PhotoEncoder.Encode(bytes, settings, dir));
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or SixLabors.ImageSharp.Memory.InvalidMemoryOperationException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error("RA143", request.UsedInFile, request.UsedAtLine, $"the photo '{request.Source}' cannot be decoded: {e.Message}"));
            return null;
        }

        return Published(request, encoded, cache.EntryDirectory(key), reused is not null);
    }

    /// <summary>A photo as the pages show it, and its files (named by a hash of their bytes) copied from its cache entry.</summary>
    private static ProcessedPhoto Published(PhotoRequest request, EncodedPhoto encoded, string entry, bool reused)
    {
        var name = request.Name;
        var files = new List<OutputFile>();
        var variants = new List<PhotoVariant>();
        foreach (var v in encoded.Variants)
        {
            var jpeg = v.JpegFile is null ? null : $"{request.SitePrefix}{name}-{v.Width}.{v.JpegHash}.jpg";
            var webp = $"{request.SitePrefix}{name}-{v.Width}.{v.WebpHash}.webp";
            variants.Add(new PhotoVariant(v.Width, v.Height, jpeg, webp));
            if (jpeg is not null)
            {
                files.Add(OutputFile.Copy(jpeg, Path.Combine(entry, v.JpegFile!)));
            }

            files.Add(OutputFile.Copy(webp, Path.Combine(entry, v.WebpFile)));
        }

        return new ProcessedPhoto(new Photo(request.ReportDirectory, request.Source, encoded.Width, encoded.Height, encoded.DominantColor, encoded.StandIn, variants, reused), files);
    }

    /// <summary>A photo not encoded yet, as a check sees it: its widths from its header, placeholder names, and each file's size
    /// estimated from its pixels at the rates the photo benchmark measured (README, Photos).</summary>
    private static ProcessedPhoto Estimate(PhotoRequest request, IImageInfo info, PhotoSettings settings)
    {
        const string unknown = "0000000000";
        var widths = settings.WidthsFor(info.Width);
        var jpegWidth = settings.JpegWidthOf(widths);
        var variants = new List<PhotoVariant>();
        var files = new List<OutputFile>();
        foreach (var width in widths)
        {
            var height = (int)Math.Round((double)info.Height * width / info.Width);
            var webp = $"{request.SitePrefix}{request.Name}-{width}.{unknown}.webp";
            var jpeg = width == jpegWidth ? $"{request.SitePrefix}{request.Name}-{width}.{unknown}.jpg" : null;
            variants.Add(new PhotoVariant(width, height, jpeg, webp));
            files.Add(new OutputFile(webp, null) { Counted = (long)(width * height * PhotoSettings.WebpBytesPerPixel) });
            if (jpeg is not null)
            {
                files.Add(new OutputFile(jpeg, null) { Counted = (long)(width * height * PhotoSettings.JpegBytesPerPixel) });
            }
        }

        var last = variants[^1];
        return new ProcessedPhoto(new Photo(request.ReportDirectory, request.Source, last.Width, last.Height, "#808080", false, variants, false), files);
    }

    /// <summary>Why the bytes are not a photo the archive takes, or null. Reads only the header, so a decompression bomb costs nothing.</summary>
    public static string? Validate(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return "is an empty file";
        }

        if (bytes.AsSpan().StartsWith("RIFF"u8) && bytes.Length >= 12 && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8) && IsAnimatedWebp(bytes))
        {
            return "is an animated WebP, which the archive cannot publish: save the frame you want as a still JPEG, PNG or WebP";
        }

        SixLabors.ImageSharp.IImageInfo? info;
        SixLabors.ImageSharp.Formats.IImageFormat? format;
        try
        {
            info = Image.Identify(PhotoLimits.Configuration, bytes, out format);
        }
        catch (Exception e) when (e is NotSupportedException or ImageFormatException or InvalidImageContentException)
        {
            return $"cannot be read as an image: {e.Message}";
        }

        if (info is null || format is null)
        {
            return "is not an image that can be read (JPEG, PNG or WebP)";
        }

        if (format is not (JpegFormat or PngFormat or WebpFormat))
        {
            return $"is a {format.Name} image: the archive takes JPEG, PNG and WebP";
        }


        if ((long)info.Width * info.Height > PhotoLimits.MaxPixels)
        {
            return $"claims {info.Width} x {info.Height} pixels, more than the {PhotoLimits.MaxPixels / 1_000_000} megapixels the archive takes";
        }

        return format is JpegFormat && !EndsWithJpegEndMarker(bytes) ? "is a truncated JPEG (its end marker is missing): export it again" : null;
    }

    /// <summary>A WebP whose extended header sets the animation flag, or that has an ANIM chunk (read from the RIFF chunks).</summary>
    public static bool IsAnimatedWebp(ReadOnlySpan<byte> bytes)
    {
        for (var at = 12; at + 8 <= bytes.Length;)
        {
            var chunk = bytes.Slice(at, 4);
            var size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at + 4, 4));
            if (chunk.SequenceEqual("ANIM"u8) || chunk.SequenceEqual("ANMF"u8) || (chunk.SequenceEqual("VP8X"u8) && at + 8 < bytes.Length && (bytes[at + 8] & 0x02) != 0))
            {
                return true;
            }

            at += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - at - 8);
        }

        return false;
    }

    /// <summary>A PNG with an animation control chunk (APNG) before its image data: decoders show its first frame.</summary>
    public static bool IsAnimatedPng(ReadOnlySpan<byte> bytes)
    {
        for (var at = 8; at + 8 <= bytes.Length;)
        {
            var length = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice(at, 4));
            var type = bytes.Slice(at + 4, 4);
            if (type.SequenceEqual("acTL"u8))
            {
                return true;
            }

            if (type.SequenceEqual("IDAT"u8) || !bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
            {
                return false;
            }

            at += 12 + (int)Math.Min(length, int.MaxValue - at - 12);
        }

        return false;
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
}
