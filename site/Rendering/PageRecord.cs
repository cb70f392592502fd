namespace ReportArchive.Rendering;

/// <summary>A page the build rendered, as the sitemap lists it: its path and its date if it has one.</summary>
public sealed record PageRecord(string Path, DateOnly? Modified);
