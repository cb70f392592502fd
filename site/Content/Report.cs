using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>A report bundle: its folder, its language files (the original first, then each translation in the archive's language
/// order), and its place in the archive.</summary>
public sealed record Report(
    string Directory,
    string Slug,
    DateOnly Date,
    bool DateInferred,
    ImmutableArray<string> Departments,
    ImmutableArray<string> Topics,
    ImmutableArray<Translation> Files) : Routing.IRoutedReport
{
    /// <summary>Names the bundle's folder and files (paths, sizes, times) as the content cache found them, settled, when the report
    /// was read or taken from it; null when not known so. Pages made from a report are kept between builds under it (see
    /// <c>RenderContext.ReportPages</c>). Not part of the parsed form: the cache gives it anew on every build.</summary>
    public string? FileState { get; init; }

    /// <summary>A number for this report as read, never given to another in the process: a preview keeps a report while its bundle
    /// is unchanged, so the number names the bundle in that state, and a list of numbers a list of reports, in a short key.</summary>
    public long Serial { get; } = Interlocked.Increment(ref _serials);

    private static long _serials;

    public Translation Original => Files[0];

    /// <summary>Whether any of its language files, published or a draft, shows a photo.</summary>
    public bool HasFigures => Files.Any(t => !t.Figures.IsEmpty);

    /// <summary>The translations that are published: a translation whose title is not translated yet is a draft, checked and
    /// counted by the translator's desk, never published.</summary>
    public IEnumerable<Translation> Translations => Files.Skip(1).Where(t => t.Title.Length > 0);

    /// <summary>Every published language version, the original first.</summary>
    public IEnumerable<Translation> Published => Files.Take(1).Concat(Translations);

    public bool IsTranslated => Translations.Any();

    public int Year => Date.Year;

    /// <summary>The version published in a language, if there is one.</summary>
    public Translation? In(string lang)
    {
        for (var i = 0; i < Files.Length; i++)
        {
            if (Files[i].Lang == lang)
            {
                return i == 0 || Files[i].Title.Length > 0 ? Files[i] : null;
            }
        }

        return null;
    }

    /// <summary>The file of a language as written, published or a draft.</summary>
    public Translation? FileIn(string lang) => Files.FirstOrDefault(t => t.Lang == lang);

    /// <summary>The order of every list and feed: newest first, then by slug, so that equal dates keep one order.</summary>
    public static List<Report> LatestFirst(IEnumerable<Report> reports) =>
        [.. reports.OrderByDescending(r => r.Date).ThenBy(r => r.Slug, StringComparer.Ordinal)];
}
