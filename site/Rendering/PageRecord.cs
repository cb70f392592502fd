namespace ReportArchive.Rendering;

/// <summary>A page the build rendered, as the sitemap lists it: its path, its language versions, and its date if it has one.</summary>
public sealed record PageRecord(string Path, IReadOnlyList<AlternateLink> Alternates, DateOnly? Modified);
