using System.Text.Json;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;

namespace ReportArchive.Rendering;

/// <summary>What every page needs: the site, the reports latest first, their photos, and the shell that wraps each page.</summary>
public sealed class RenderContext(SiteInputs site, IReadOnlyList<Report> reports, IReadOnlyList<Photo> photos, IReadOnlyDictionary<string, string> assets,
    Build.BuildMemo? memo = null, OutputSink? sink = null)
{
    private readonly OutputSink _sink = sink ?? OutputSink.InMemory;

    /// <summary>What <paramref name="render"/> makes for a report, reused while the report, its photos and the site inputs are unchanged.</summary>
    public T ForReport<T>(string what, Report report, Func<T> render)
        where T : notnull
    {
        if (memo is null)
        {
            return render();
        }

        var photoKey = string.Join(",", report.Zh.Figures.Concat(report.En?.Figures ?? []).Select(f => f.Source).Distinct()
            .Select(s => _photos.TryGetValue((report.Directory, s), out var p) ? p.Largest.JpegPath : "-"));
        return memo.GetOrAdd($"{what}|{report.Directory}|{report.Version}|{site.Fingerprint}|{photoKey}|{_assetsKey}", render);
    }

    /// <summary>What <paramref name="render"/> makes from a list of reports (a page of a list), reused while the reports, their
    /// order and the site inputs are unchanged. <paramref name="what"/> names the page and everything else it is made from.</summary>
    public T ForReports<T>(string what, IEnumerable<Report> reports, Func<T> render)
        where T : notnull =>
        memo is null ? render() : memo.GetOrAdd($"{what}|{site.Fingerprint}|{_assetsKey}|{string.Join(",", reports.Select(Identity))}", render);

    // A number for each report read, never given twice in a process: the memo hands back the same report while its bundle is
    // unchanged, so a list of numbers names a list of reports in their state, in a short key.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Report, string> Identities = [];
    private static long _lastIdentity;

    private static string Identity(Report report) => Identities.GetValue(report, _ => Interlocked.Increment(ref _lastIdentity).ToString());

    private readonly string _assetsKey = string.Join(",", assets.Values);

    private readonly Dictionary<(string, string), Photo> _photos = photos.ToDictionary(p => (p.ReportDirectory, p.Source));
    private readonly Dictionary<string, Dictionary<string, object>> _strings =
        site.Strings.ToDictionary(kv => kv.Key, kv => kv.Value.Values.ToDictionary(v => v.Key, v => (object)v.Value));

    public SiteInputs Site => site;

    public IReadOnlyList<Report> LatestFirst { get; } = Report.LatestFirst(reports);

    public Photo Photo(Report report, string source) => _photos[(report.Directory, source)];

    /// <summary>A site path as a link: under the base path, so the site works at a domain root and under a repository's sub-path.</summary>
    public string Url(string path) => site.Config.BasePath + path;

    public string Absolute(string path) => new Uri(site.Config.BaseUrl, path).AbsoluteUri;

    public string Asset(string name) => Url(assets.TryGetValue(name, out var path) ? path : throw new InvalidOperationException($"the theme has no assets/{name}"));

    public Dictionary<string, object> T(string lang) => _strings[lang];

    public string S(string lang, string key) => site.Strings[lang][key];

    /// <summary>Alternates for a page that exists in the languages where <paramref name="pathIn"/> gives a path; x-default is the root chooser.</summary>
    public List<AlternateLink> Alternates(Func<string, string?> pathIn) =>
        [.. Languages.All.Where(l => pathIn(l) is not null).Select(l => new AlternateLink(Languages.Tag(l), Absolute(pathIn(l)!))),
            new AlternateLink("x-default", Absolute(""))];

    /// <summary>The site's main sections, for the navigation bar.</summary>
    public List<NavLink> Sections(string lang, string current) =>
    [
        new(S(lang, "nav_home"), Url($"{lang}/"), current == "home"),
        new(S(lang, "nav_archive"), Url($"{lang}/archive/"), current == "archive"),
        new(S(lang, "nav_departments"), Url($"{lang}/departments/"), current == "departments"),
        new(S(lang, "nav_topics"), Url($"{lang}/topics/"), current == "topics"),
    ];

    /// <summary>Wraps rendered content in the page shell and records the page for the sitemap.</summary>
    public IEnumerable<RenderedPage> Page(PageMeta meta, string layout, object view)
    {
        var lang = meta.Lang;
        var other = Languages.Other(lang);
        var content = site.Theme.Render(layout, new { page = view, t = T(lang) });
        var shell = new LayoutView(lang, Languages.Tag(lang), meta.Title, meta.Description, Absolute(meta.Path), meta.Alternates, Asset("site.css"), Asset("favicon.svg"),
            site.Config.Title.In(lang), Url($"{lang}/"), Url(""), Url($"{lang}/feed.xml"), Sections(lang, meta.Section), meta.SwitchUrl, other,
            Languages.Tag(other), meta.OgType, OgLocale(lang), OgLocale(other), meta.Image is null ? null : Absolute(meta.Image),
            meta.JsonLd is null ? null : JsonSerializer.Serialize(meta.JsonLd, JsonLd.Options), meta.Wide ? "wide" : "",
            Asset("site.js"), meta.Section == SearchPages.Section ? Asset("search.js") : null,
            meta.Section == SearchPages.Section ? null : Url(SearchPages.PathIn(lang)), content);
        yield return new RenderedPage(_sink.Text(meta.Path + "index.html", site.Theme.Render("base", new { layout = shell, t = T(lang) })),
            new PageRecord(meta.Path, meta.Alternates, meta.Modified));
    }

    private static string OgLocale(string lang) => lang == Languages.Zh ? "zh_CN" : "en_US";
}

/// <summary>What the shell needs to know about a page besides its content.</summary>
public sealed record PageMeta(string Path, string Lang, string Title, string Description, List<AlternateLink> Alternates, string? SwitchUrl,
    string Section, string OgType = "website", string? Image = null, object? JsonLd = null, DateOnly? Modified = null, bool Wide = false);
