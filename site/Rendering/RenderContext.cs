using System.Text.Json;
using ReportArchive.Configuration;
using ReportArchive.Output;
using ReportArchive.Reuse;
using ReportArchive.Routing;
using ReportArchive.Sources;

namespace ReportArchive.Rendering;

/// <summary>What every page needs, and nothing that a page of one report or one list alone needs: the site, its languages and
/// addresses, its interface strings and the shell that wraps each page. What a page shows of reports and photos comes in its
/// key (such as <see cref="ReportPagesKey"/>): a page's maker sees the context and its key, nothing else, so whatever a page is made from
/// is in its key, and a page is made again whenever its key changes.</summary>
public sealed class RenderContext(SiteInputs site, Theme theme, IReadOnlyDictionary<string, string> assets, ReuseStore? memo = null, OutputSink? sink = null)
{
    private readonly OutputSink _sink = sink ?? OutputSink.InMemory;

    /// <summary>Where the pages' bytes go (held, written to the spare tree, or only counted).</summary>
    public OutputSink Sink => _sink;

    /// <summary>The site inputs and the theme's assets (in a fixed order: the assets are read on every core), which every page is
    /// made from: the part of every page's key that names them.</summary>
    public string Key { get; } = $"{site.Fingerprint}|{string.Join(",", assets.Values.Order(StringComparer.Ordinal))}";

    /// <summary>The pages <paramref name="make"/> makes from <paramref name="key"/>: kept in the preview's store; or, written over a
    /// spare whose manifest shows it holds the pages the last build made under the same key (with the program), taken as they
    /// stand there, not made again.</summary>
    public IEnumerable<RenderedPage> Pages<TKey>(TKey key, Func<TKey, List<RenderedPage>> make)
        where TKey : IReuseKey<List<RenderedPage>>
    {
        if (_sink.Manifest is null || key.Digest is not { } digest)
        {
            return memo.ReuseOrMake(key, make);
        }

        var (pages, kept) = Kept(digest, () => make(key));
        if (kept && key is ReportPagesKey)
        {
            Interlocked.Increment(ref _reportsKept);
        }

        return pages;
    }

    /// <summary>What <paramref name="make"/> makes from <paramref name="key"/>, kept in the preview's store.</summary>
    public TValue Reuse<TKey, TValue>(TKey key, Func<TKey, TValue> make)
        where TKey : IReuseKey<TValue>
        where TValue : notnull => memo.ReuseOrMake(key, make);

    /// <summary>How many reports' pages, and how many pages in all, were taken as the spare holds them.</summary>
    public (int Reports, int Pages) KeptCounts => (_reportsKept, _pagesKept);

    private int _reportsKept;
    private int _pagesKept;

    /// <summary>The pages kept in the spare under <paramref name="digest"/>, or made.</summary>
    private (List<RenderedPage> Pages, bool Kept) Kept(string digest, Func<List<RenderedPage>> make)
    {
        if (_sink.Reuse(digest) is { } places)
        {
            Interlocked.Add(ref _pagesKept, places.Length);
            return ([.. places.Select(p => new RenderedPage(_sink.Kept(p.Path), p.Listed is null ? null : new PageRecord(p.Listed, p.Modified)))], true);
        }

        var pages = make();
        _sink.Record(digest, [.. pages.Select(p => new PagePlace(p.File.Path, p.Record?.Path, p.Record?.Modified))]);
        return (pages, false);
    }

    private readonly Dictionary<string, IReadOnlyDictionary<string, object>> _strings =
        site.Strings.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, object>)kv.Value.Values.ToDictionary(v => v.Key, v => (object)v.Value));

    public SiteInputs Site => site;

    /// <summary>The theme's layouts, each checked against its view.</summary>
    public Theme Theme => theme;

    public LanguageSet Languages => site.Languages;

    public Routes Routes { get; } = Routes.Of(site.Config);

    public string Url(Route route) => Routes.Url(route);

    public string Absolute(Route route) => Routes.Absolute(route);

    public string Asset(string name) => Routes.Url(assets.TryGetValue(name, out var path) ? path : throw new InvalidOperationException($"the theme has no assets/{name}"));

    public IReadOnlyDictionary<string, object> T(string lang) => _strings[lang];

    public string S(string lang, string key) => site.Strings[lang][key];

    /// <summary>An interface string with its <c>{0}</c> filled in.</summary>
    public string Format(string lang, string key, string value) => S(lang, key).Replace("{0}", value, StringComparison.Ordinal);

    /// <summary>An interface string with its <c>{0}</c> and <c>{1}</c> filled in.</summary>
    public string Format(string lang, string key, string first, string second) =>
        System.Text.RegularExpressions.Regex.Replace(S(lang, key), @"\{[01]\}", m => m.Value == "{0}" ? first : second); // in one pass: a value may hold "{1}"

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
            SearchStylesheet = isSearch ? Asset("search.css") : null,
            MarksScript = meta.OgType == "article" ? Asset("search.js") : null,
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
