namespace ReportArchive.Routing;

/// <summary>What a page of the site is: every address is made from one of these by <see cref="Routes"/>.</summary>
public enum PageKind
{
    /// <summary>The site's root: the language chooser.</summary>
    Root,
    NotFound,
    Home,
    Years,
    Year,
    Departments,
    Department,
    Topics,
    Topic,
    Search,
    Article,
    Parallel,
    Feed,
}

/// <summary>A page as data: its kind, its language and the keys that pick it out (a year, a department's key, a report's year
/// and slug, the translation a parallel page pairs with the original, the page number of a long list). The same page in another
/// language is the same route <see cref="In"/> that language: no address is ever rewritten as a string.</summary>
public sealed record Route(PageKind Kind, string Lang = "", string Key = "", string Slug = "", string Pair = "", int Number = 1)
{
    public Route In(string lang) => this with { Lang = lang };

    /// <summary>The <paramref name="number"/>th page of a paginated list (the first is the list's own address).</summary>
    public Route Page(int number) => this with { Number = number };

    public static Route Root { get; } = new(PageKind.Root);

    public static Route NotFound { get; } = new(PageKind.NotFound);

    public static Route Home(string lang) => new(PageKind.Home, lang);

    public static Route Years(string lang) => new(PageKind.Years, lang);

    public static Route Year(string lang, int year) => new(PageKind.Year, lang, year.ToString("D4"));

    public static Route Search(string lang) => new(PageKind.Search, lang);

    public static Route Feed(string lang) => new(PageKind.Feed, lang);

    public static Route Article(string lang, IRoutedReport report) => new(PageKind.Article, lang, report.Year.ToString("D4"), report.Slug);

    /// <summary>The parallel reading page in <paramref name="lang"/> that pairs the original with the translation <paramref name="pair"/>.</summary>
    public static Route Parallel(string lang, IRoutedReport report, string pair) =>
        new(PageKind.Parallel, lang, report.Year.ToString("D4"), report.Slug, pair);
}
