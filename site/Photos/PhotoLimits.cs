using SixLabors.ImageSharp.Memory;
using ImageConfiguration = SixLabors.ImageSharp.Configuration;

namespace ReportArchive.Photos;

/// <summary>What a photo may cost: its pixel count, checked from the header before decoding, and a bounded allocator for the decoder.</summary>
public static class PhotoLimits
{
    public const long MaxPixels = 50_000_000;

    public static ImageConfiguration Configuration { get; } = Create();

    private static ImageConfiguration Create()
    {
        var configuration = ImageConfiguration.Default.Clone();
        configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { AllocationLimitMegabytes = 512 });
        return configuration;
    }
}
