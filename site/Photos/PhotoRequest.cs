namespace ReportArchive.Photos;

/// <summary>A photo that a report uses: the bundle, the path written in the Markdown, and where it is first used (for messages).</summary>
public sealed record PhotoRequest(string ReportDirectory, string Source, string SitePrefix, string UsedInFile, int UsedAtLine);
