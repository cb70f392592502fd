using ReportArchive.Configuration;

namespace ReportArchive.Routing;

/// <summary>Every address of the site, built in this one place from a <see cref="Route"/>: site paths (below the base path),
/// links (under the base path) and absolute URLs (for feeds, sitemaps and Open Graph).</summary>
public sealed class Routes(LanguageSet languages, Uri baseUrl)
{
    /// <summary>Every address of a site as its configuration says: its languages, under its base URL.</summary>
    public static Routes Of(SiteConfig config) => new(config.Languages, config.BaseUrl);

    /// <summary>The folder of the search index, which every language shares.</summary>
    public const string SearchIndex = "search/";

    public LanguageSet Languages => languages;

    /// <summary>The path part of the base URL, always starting and ending with '/'.</summary>
    public string BasePath { get; } = BasePathOf(baseUrl);

    /// <summary>The path part of a base URL, always ending with '/'.</summary>
    public static string BasePathOf(Uri baseUrl) => baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/";

    /// <summary>The site path of a page: a folder ending in '/' for pages, a file name for the rest.</summary>
    public string Path(Route route)
    {
        var lang = route.Lang;
        var path = route.Kind switch
        {
            PageKind.Root => "",
            PageKind.NotFound => "404.html",
            PageKind.Home => $"{lang}/",
            PageKind.Years => $"{lang}/archive/",
            PageKind.Year => $"{lang}/archive/{route.Key}/",
            PageKind.Departments => $"{lang}/departments/",
            PageKind.Department => $"{lang}/departments/{route.Key}/",
            PageKind.Topics => $"{lang}/topics/",
            PageKind.Topic => $"{lang}/topics/{route.Key}/",
            PageKind.Search => $"{lang}/search/",
            PageKind.Feed => $"{lang}/feed.xml",
            PageKind.Article => ArticlePath(lang, route.Key, route.Slug),
            // The parallel page of the first translation keeps the short address; the others are named by their language.
            PageKind.Parallel => ArticlePath(lang, route.Key, route.Slug) + (route.Pair == languages.Translations.FirstOrDefault()?.Key ? "parallel/" : $"parallel/{route.Pair}/"),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route.Kind, "no address for this kind of page"),
        };
        return route.Number == 1 ? path : $"{path}page/{route.Number}/";
    }

    /// <summary>A page's link: under the base path, so the site works at a domain root and under a repository's sub-path.</summary>
    public string Url(Route route) => BasePath + Path(route);

    /// <summary>A site path's link.</summary>
    public string Url(string path) => BasePath + path;

    public string Absolute(Route route) => Absolute(Path(route));

    public string Absolute(string path) => new Uri(baseUrl, path).AbsoluteUri;

    /// <summary>The folder of every published photo.</summary>
    public const string PhotosFolder = "photos/";

    /// <summary>Where a report's photos are published.</summary>
    public static string PhotoFolder(IRoutedReport report) => $"{PhotosFolder}{report.Year:D4}/{report.Slug}/";

    /// <summary>A theme asset's published path: its name with a hash of its bytes, so that browsers may cache it for good.</summary>
    public static string Asset(string relative, string hash)
    {
        var extension = System.IO.Path.GetExtension(relative);
        return $"assets/{relative[..^extension.Length]}.{hash}{extension}";
    }

    /// <summary>A file of the search index (the table of contents, or a file named by a hash of its bytes).</summary>
    public static string SearchFile(string name) => SearchIndex + name;

    /// <summary>The files hosts and crawlers look for at the site's root.</summary>
    public const string Sitemap = "sitemap.xml";

    /// <summary>A part of a sitemap too long for one file; <see cref="Sitemap"/> is then their index.</summary>
    public static string SitemapPart(int number) => $"sitemap-{number}.xml";

    public const string Robots = "robots.txt";

    public const string NoJekyll = ".nojekyll";

    private static string ArticlePath(string lang, string year, string slug) => $"{lang}/reports/{year}/{slug}/";
}
