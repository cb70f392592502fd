using System.Text.Json;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>What every page needs: the site, its languages and addresses, the reports latest first, their photos, and the shell
/// that wraps each page.</summary>
public sealed class RenderContext(SiteInputs site, Theme theme, IReadOnlyList<Report> reports, IReadOnlyList<Photo> photos, IReadOnlyDictionary<string, string> assets,
    Build.BuildMemo? memo = null, OutputSink? sink = null)
{
    private readonly OutputSink _sink = sink ?? OutputSink.InMemory;

    /// <summary>Where the pages' bytes go (held, written to the spare tree, or only counted).</summary>
    public OutputSink Sink => _sink;

    /// <summary>What <paramref name="render"/> makes for a report, reused while the report, its photos and the site inputs are unchanged.</summary>
    public T ForReport<T>(string what, Report report, Func<T> render)
        where T : notnull
    {
        if (memo is null)
        {
            return render();
        }

        return memo.GetOrAdd($"{what}|{report.Serial}|{PhotoKey(report)}|{_siteKey}", render);
    }

    /// <summary>A report's pages, made by <paramref name="render"/>: kept in the preview's memo; or, written over a spare whose
    /// manifest shows it holds the pages the last build made under the same key (the program, the site inputs and theme assets,
    /// the bundle's files, its photos' files), taken as they stand there, not rendered again.</summary>
    public IEnumerable<RenderedPage> ReportPages(Report report, Func<List<RenderedPage>> render)
    {
        if (_sink.Manifest is not { } manifest || report.Stamp is not { } stamp)
        {
            return ForReport("pages", report, render);
        }

        var (pages, kept) = Kept(manifest, $"{stamp}|{PhotoKey(report)}", render);
        if (kept)
        {
            Interlocked.Increment(ref _reportsKept);
        }

        return pages;
    }

    /// <summary>How many reports' pages, and how many pages in all, were taken as the spare holds them.</summary>
    public (int Reports, int Pages) KeptCounts => (_reportsKept, _pagesKept);

    private int _reportsKept;
    private int _pagesKept;

    /// <summary>The pages of a list, made by <paramref name="render"/> from <paramref name="reports"/> (<paramref name="what"/> names
    /// the page and everything else it is made from): kept as <see cref="ReportPages"/> keeps a report's.</summary>
    public IEnumerable<RenderedPage> ListPages(string what, IReadOnlyList<Report> reports, Func<List<RenderedPage>> render) =>
        _sink.Manifest is { } manifest && reports.All(r => r.Stamp is not null)
            ? Kept(manifest, $"{what}|{string.Join(",", reports.Select(r => r.Stamp))}", render).Pages
            : ForReports(what, reports, render);

    /// <summary>The pages kept in the spare under <paramref name="key"/> (with the program and the site inputs), or rendered.</summary>
    private (List<RenderedPage> Pages, bool Kept) Kept(Output.OutputManifest manifest, string key, Func<List<RenderedPage>> render)
    {
        var named = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(OutputFile.Utf8.GetBytes($"{ProgramIdentity.Value}|{_siteKey}|{key}")))[..32];
        if (manifest.Reuse(named, _sink.Folder!) is { } places)
        {
            Interlocked.Add(ref _pagesKept, places.Length);
            return ([.. places.Select(p => new RenderedPage(_sink.Kept(p.Path), p.Listed is null ? null : new PageRecord(p.Listed, p.Modified)))], true);
        }

        var pages = render();
        manifest.Rendered(named, [.. pages.Select(p => new PagePlace(p.File.Path, p.Record?.Path, p.Record?.Modified))]);
        return (pages, false);
    }

    /// <summary>The files of a report's photos as this build made them (a photo's files are named by a hash of its bytes).</summary>
    private string PhotoKey(Report report)
    {
        if (!report.HasFigures)
        {
            return "";
        }

        var key = new System.Text.StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var translation in report.Published)
        {
            foreach (var figure in translation.Figures)
            {
                if (seen.Add(figure.Source))
                {
                    key.Append(_photos.TryGetValue((report.Directory, figure.Source), out var p) ? p.Largest.WebpPath : "-").Append(',');
                }
            }
        }

        return key.ToString();
    }

    /// <summary>What <paramref name="render"/> makes from a list of reports (a page of a list), reused while the reports, their
    /// order and the site inputs are unchanged. <paramref name="what"/> names the page and everything else it is made from.</summary>
    public T ForReports<T>(string what, IEnumerable<Report> reports, Func<T> render)
        where T : notnull =>
        memo is null ? render() : memo.GetOrAdd($"{what}|{_siteKey}|{string.Join(",", reports.Select(r => r.Serial))}", render);

    // The site inputs and the theme's assets (in a fixed order: the assets are read on every core), which every page is made from.
    private readonly string _siteKey = $"{site.Fingerprint}|{string.Join(",", assets.Values.Order(StringComparer.Ordinal))}";

    private readonly Dictionary<(string, string), Photo> _photos = photos.ToDictionary(p => (p.ReportDirectory, p.Source));
    private readonly Dictionary<string, IReadOnlyDictionary<string, object>> _strings =
        site.Strings.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, object>)kv.Value.Values.ToDictionary(v => v.Key, v => (object)v.Value));

    public SiteInputs Site => site;

    /// <summary>The theme's layouts, each checked against its view.</summary>
    public Theme Theme => theme;

    public LanguageSet Languages => site.Languages;

    public Routes Routes { get; } = Routes.Of(site.Config);

    public IReadOnlyList<Report> LatestFirst { get; } = reports;

    public Photo Photo(Report report, string source) => _photos[(report.Directory, source)];

    public string Url(Route route) => Routes.Url(route);

    public string Absolute(Route route) => Routes.Absolute(route);

    public string Asset(string name) => Routes.Url(assets.TryGetValue(name, out var path) ? path : throw new InvalidOperationException($"the theme has no assets/{name}"));

    public IReadOnlyDictionary<string, object> T(string lang) => _strings[lang];

    public string S(string lang, string key) => site.Strings[lang][key];

    /// <summary>An interface string with its <c>{0}</c> filled in.</summary>
    public string Format(string lang, string key, string value) => S(lang, key).Replace("{0}", value, StringComparison.Ordinal);

    /// <summary>The site's main sections, for the navigation bar.</summary>
    public List<NavLink> Sections(string lang, string current) =>
    [
        new(S(lang, "nav_home"), Url(Route.Home(lang)), current == "home"),
        new(S(lang, "nav_archive"), Url(Route.Years(lang)), current == "archive"),
        new(S(lang, "nav_departments"), Url(new Route(PageKind.Departments, lang)), current == "departments"),
        new(S(lang, "nav_topics"), Url(new Route(PageKind.Topics, lang)), current == "topics"),
    ];

    /// <summary>Wraps rendered content in the page shell and records the page for the sitemap. The page's alternates and its
    /// language switch list the same route in every language where it exists; x-default is the root chooser.</summary>
    public IEnumerable<RenderedPage> Page<TView>(PageMeta meta, string layout, TView view)
        where TView : notnull => Page(meta, (theme, strings) => theme.Render(layout, view, strings));

    private IEnumerable<RenderedPage> Page(PageMeta meta, Func<Theme, IReadOnlyDictionary<string, object>, string> render)
    {
        var lang = meta.Route.Lang;
        var language = Languages[lang];
        var versions = Languages.All.Where(l => meta.Exists?.Invoke(l.Key) ?? true).ToList();
        List<AlternateLink> alternates = [.. versions.Select(l => new AlternateLink(l.Tag, Absolute(meta.Route.In(l.Key)))), new AlternateLink("x-default", Absolute(Route.Root))];
        var path = Routes.Path(meta.Route);
        var isSearch = meta.Section == SearchPages.Section;
        var content = render(theme, T(lang));
        var shell = new LayoutView
        {
            HtmlLang = language.Tag,
            PageTitle = meta.Title,
            Description = meta.Description,
            Canonical = Routes.Absolute(path),
            Alternates = alternates,
            Stylesheet = Asset("site.css"),
            Icon = Asset("favicon.svg"),
            Script = Asset("site.js"),
            SearchScript = isSearch ? Asset("search.js") : null,
            SiteTitle = site.Config.Title.In(lang),
            HomeUrl = Url(Route.Home(lang)),
            RootUrl = Url(Route.Root),
            FeedUrl = Url(Route.Feed(lang)),
            Nav = Sections(lang, meta.Section),
            Switches = [.. versions.Where(l => l.Key != lang).Select(l => new NavLink(l.Name, Url(meta.Route.In(l.Key)), false, l.Tag))],
            SearchUrl = isSearch ? null : Url(Route.Search(lang)),
            OgType = meta.OgType,
            OgLocale = language.OgLocale,
            OgLocaleAlternates = [.. Languages.Except(lang).Select(l => l.OgLocale)],
            OgImage = meta.Image is null ? null : Routes.Absolute(meta.Image),
            JsonLd = meta.JsonLd is null ? null : JsonSerializer.Serialize(meta.JsonLd, Output.JsonTypes.Page.DictionaryStringObject),
            Content = content,
        };
        yield return new RenderedPage(_sink.Bytes(path + "index.html", theme.RenderUtf8("base", shell, T(lang))),
            new PageRecord(path, meta.Modified));
    }
}

/// <summary>What the shell needs to know about a page besides its content: its route, and in which languages it exists
/// (all, unless <see cref="Exists"/> says otherwise).</summary>
public sealed record PageMeta(Route Route, string Title, string Description, string Section, Func<string, bool>? Exists = null,
    string OgType = "website", string? Image = null, Dictionary<string, object?>? JsonLd = null, DateOnly? Modified = null);
