namespace ReportArchive.Photos;

/// <summary>The encoder's result for one source photo, as kept in the cache: the size after orientation,
/// the placeholder colour, and the files of each width.</summary>
public sealed record EncodedPhoto(int Width, int Height, string DominantColor, bool StandIn, IReadOnlyList<EncodedVariant> Variants);

/// <summary>One encoded width: its WebP (and, for the one JPEG width, its JPEG) inside the cache entry, with a fingerprint of
/// each file's bytes.</summary>
public sealed record EncodedVariant(int Width, int Height, string? JpegFile, string? JpegHash, string WebpFile, string WebpHash);
