namespace ReportArchive.Photos;

/// <summary>A report's photo as the site serves it: its sizes, its placeholder colour, and whether it is a stand-in awaiting the real one.</summary>
public sealed record Photo(string ReportDirectory, string Source, int Width, int Height, string DominantColor, bool StandIn, IReadOnlyList<PhotoVariant> Variants, bool Reused)
{
    public PhotoVariant Largest => Variants[^1];
}

/// <summary>One width of a photo, as JPEG and as WebP, at their fingerprinted site paths.</summary>
public sealed record PhotoVariant(int Width, int Height, string JpegPath, string WebpPath);
