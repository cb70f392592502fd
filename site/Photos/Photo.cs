namespace ReportArchive.Photos;

/// <summary>A report's photo as the site serves it: where it lives, its size, and whether it is a stand-in awaiting the real one.</summary>
public sealed record Photo(string ReportDirectory, string Source, string SitePath, int Width, int Height, bool StandIn);
