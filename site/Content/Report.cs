using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>A report bundle: its folder, the Chinese original, the English translation if there is one, and its place in the archive.</summary>
public sealed record Report(
    string Directory,
    string Slug,
    DateOnly Date,
    bool DateInferred,
    ImmutableArray<string> Departments,
    ImmutableArray<string> Topics,
    Translation Zh,
    Translation? En)
{
    /// <summary>Names the state of the bundle's files (their sizes and times), so that rendered pages can be reused while it holds.</summary>
    public string Version { get; init; } = "";

    /// <summary>An English file whose title is not translated yet: checked and counted by the translator's desk, never published.</summary>
    public Translation? Draft { get; init; }

    /// <summary>The English file as written, published or not.</summary>
    public Translation? EnFile => En ?? Draft;

    /// <summary>Every language file of the bundle as written, the original first, published or not.</summary>
    public IEnumerable<Translation> Files => new[] { Zh, EnFile }.OfType<Translation>();

    public int Year => Date.Year;

    public Translation? In(string lang) => lang == Configuration.Languages.Zh ? Zh : En;

    /// <summary>The order of every list and feed: newest first, then by slug, so that equal dates keep one order.</summary>
    public static List<Report> LatestFirst(IEnumerable<Report> reports) =>
        [.. reports.OrderByDescending(r => r.Date).ThenBy(r => r.Slug, StringComparer.Ordinal)];

    /// <summary>The site path of the report's page in a language, relative to the base path.</summary>
    public string PagePath(string lang) => $"{lang}/reports/{Year:D4}/{Slug}/";
}
