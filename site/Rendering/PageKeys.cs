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
/// (<see cref="RenderContext.Key"/>): made from the report and its photos alone.</summary>
public sealed record ReportPagesKey(string Site, Report Report, ReportPhotos Photos) : IReuseKey<List<RenderedPage>>
{
    public string? Digest => Report.FileState is { } state ? $"{Site}|{state}|{Photos.Files}" : null;
}

/// <summary>A report as the lists of a language show it.</summary>
public sealed record ItemKey(string Site, Report Report, string Lang) : IReuseKey<ReportItem>
{
    public string? Digest => null;
}

/// <summary>Page <see cref="Number"/> of <see cref="Count"/> of a list: its route and navigation section, heading and introduction,
/// and the reports it shows.</summary>
public sealed record ListPageKey(string Site, Route List, string Section, int Number, int Count, string Heading, string? Intro, ReportList Shown)
    : IReuseKey<List<RenderedPage>>
{
    public string? Digest => Shown.FileStates is { } states ? $"{Site}|{List}|{Section}|{Number}/{Count}|{Heading}|{Intro}|{states}" : null;
}
