using ReportArchive.Content;
using ReportArchive.Photos;
using ReportArchive.Reuse;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>The photos of a report as this build made them, by their source in the bundle. Their files are named by a hash of
/// their bytes, so the names of the files (<see cref="Files"/>) say everything about them: two sets with the same names are equal.</summary>
public sealed record ReportPhotos(IReadOnlyDictionary<string, Photo> BySource, string Files)
{
    public static readonly ReportPhotos None = new(new Dictionary<string, Photo>(), "");

    public Photo this[string source] => BySource[source];

    public bool Equals(ReportPhotos? other) => other is not null && Files == other.Files;

    public override int GetHashCode() => Files.GetHashCode(StringComparison.Ordinal);
}

/// <summary>Reports in an order, equal to another list of the same reports as read (<see cref="Report"/>s are equal only to
/// themselves as read) in the same order.</summary>
public sealed record ReportList(IReadOnlyList<Report> Reports)
{
    public bool Equals(ReportList? other) => other is not null && Reports.SequenceEqual(other.Reports);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var report in Reports)
        {
            hash.Add(report.Serial);
        }

        return hash.ToHashCode();
    }

    /// <summary>The reports' files as the content cache found them, settled; null when one of them is not known so.</summary>
    public string? FileStates => Reports.All(r => r.FileState is not null) ? string.Join(",", Reports.Select(r => r.FileState)) : null;
}

/// <summary>A report's pages (its articles, and its parallel pages' old addresses) under the site's inputs
/// (<see cref="RenderContext.Key"/>): made from the report, its photos and the reports its end links to alone.</summary>
public sealed record ReportPagesKey(string Site, Report Report, ReportPhotos Photos, ReportLinks Links) : IReuseKey<List<RenderedPage>>
{
    public string? Digest => Report.FileState is { } state ? $"{Site}|{state}|{Photos.Files}|{Links.Digest}" : null;
}

/// <summary>A report as the lists of a language show it, with its first photo, small.</summary>
public sealed record ItemKey(string Site, Report Report, string Lang, Thumb? Thumb) : IReuseKey<ReportItem>
{
    public string? Digest => null;
}

/// <summary>Page <see cref="Number"/> of <see cref="Count"/> of a list: its route and navigation section, heading and introduction,
/// and the reports it shows, with their small photos.</summary>
public sealed record ListPageKey(string Site, Route List, string Section, int Number, int Count, string Heading, string? Intro, ReportList Shown, ThumbList Thumbs)
    : IReuseKey<List<RenderedPage>>
{
    public string? Digest => Shown.FileStates is { } states ? $"{Site}|{List}|{Section}|{Number}/{Count}|{Heading}|{Intro}|{states}|{Thumbs.Files}" : null;
}

/// <summary>The small photos of the reports of a list page, in their order (none for a report without a photo).</summary>
public sealed record ThumbList(IReadOnlyList<Thumb?> Items)
{
    public bool Equals(ThumbList? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Files.GetHashCode(StringComparison.Ordinal);

    /// <summary>The photos' files (named by a hash of their bytes), which say everything about them.</summary>
    public string Files => string.Join(",", Items.Select(t => t?.Webp));
}
