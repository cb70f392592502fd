namespace ReportArchive.Photos;

/// <summary>A report's photo as the site serves it: its sizes, its placeholder colour, and whether it is a stand-in awaiting the real one.</summary>
public sealed record Photo(string ReportDirectory, string Source, int Width, int Height, string DominantColor, bool StandIn, IReadOnlyList<PhotoVariant> Variants, bool Reused)
{
    public PhotoVariant Largest => Variants[^1];

    /// <summary>The one width also served as JPEG: the image of browsers without WebP, and of link previews.</summary>
    public PhotoVariant Jpeg => Variants.First(v => v.JpegPath is not null);

    public string JpegPath => Jpeg.JpegPath!;
}

/// <summary>One width of a photo as WebP (and, for one width, as JPEG), at their fingerprinted site paths.</summary>
public sealed record PhotoVariant(int Width, int Height, string? JpegPath, string WebpPath);
