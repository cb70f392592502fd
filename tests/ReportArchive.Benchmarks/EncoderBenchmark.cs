using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace ReportArchive.Benchmarks;

/// <summary>Size against time for the encoder settings we could choose, on photo-like images at the largest served width.</summary>
public static class EncoderBenchmark
{
    public static int Run()
    {
        Console.WriteLine($"machine: {Machine.Describe()}");
        var images = Enumerable.Range(1, 3).Select(seed => SyntheticPhoto.Create(1600, 1200, seed)).ToList();
        Console.WriteLine("encoder                      mean size   mean time   PSNR (3 photos of 1600 x 1200; time: best of 3 runs)");
        foreach (var quality in new[] { 70, 75, 80, 85, 90 })
        {
            Measure($"JPEG q{quality}", images, new JpegEncoder { Quality = quality });
        }

        foreach (var quality in new[] { 70, 75, 80 })
        {
            foreach (var method in new[] { 0, 2, 4, 6 })
            {
                Measure($"WebP q{quality} method {method}", images, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy, Quality = quality, Method = (WebpEncodingMethod)method });
            }
        }

        images.ForEach(i => i.Dispose());
        return 0;
    }

    private static void Measure(string name, List<Image<Rgb24>> images, IImageEncoder encoder)
    {
        var sizes = new List<long>();
        var psnr = new List<double>();
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            sizes.Clear();
            var clock = Stopwatch.StartNew();
            foreach (var image in images)
            {
                using var stream = new MemoryStream();
                image.Save(stream, encoder);
                sizes.Add(stream.Length);
                if (run == 0)
                {
                    stream.Position = 0;
                    using var decoded = Image.Load<Rgb24>(stream);
                    psnr.Add(Psnr(image, decoded));
                }
            }

            best = clock.Elapsed < best ? clock.Elapsed : best;
        }

        Console.WriteLine($"{name,-26} {sizes.Average() / 1024,8:0} KiB  {best.TotalMilliseconds / images.Count,8:0} ms  {psnr.Average(),6:0.00} dB");
    }

    /// <summary>Peak signal-to-noise ratio of the decoded copy against the original: higher is closer.</summary>
    private static double Psnr(Image<Rgb24> original, Image<Rgb24> decoded)
    {
        double sum = 0;
        for (var y = 0; y < original.Height; y++)
        {
            for (var x = 0; x < original.Width; x++)
            {
                var (a, b) = (original[x, y], decoded[x, y]);
                sum += Math.Pow(a.R - b.R, 2) + Math.Pow(a.G - b.G, 2) + Math.Pow(a.B - b.B, 2);
            }
        }

        var mse = sum / (3.0 * original.Width * original.Height);
        return 10 * Math.Log10(255 * 255 / mse);
    }
}
