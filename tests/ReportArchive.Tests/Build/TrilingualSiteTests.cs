using AngleSharp.Dom;
using ReportArchive.Configuration;
using ReportArchive.Routing;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>A site in three languages (Fixtures/trilingual: a zh-Hans original, an English and a hand-written zh-Hant
/// translation of one report, another report translated into English only), built by the same theme: languages are data.</summary>
public sealed class TrilingualSite : IDisposable
{
    private readonly TestSite _site = new("trilingual");

    public TrilingualSite()
    {
        Result = _site.BuildAsync().GetAwaiter().GetResult();
        Built = new BuiltSite(_site.Output, "/archive/");
    }

    public BuildResult Result { get; }

    public BuiltSite Built { get; }

    public string Output => _site.Output;

    public string Input => _site.Input;

    public static LanguageSet Languages { get; } = LoadLanguages();

    public static Routes Routes { get; } = new(Languages, new Uri("https://example.org/archive/"));

    private static LanguageSet LoadLanguages()
    {
        var diagnostics = new List<ReportArchive.Build.Diagnostic>();
        return SiteConfig.Load(Path.Combine(Paths.Fixture("trilingual"), "site.yml"), null, diagnostics)?.Languages
            ?? throw new InvalidOperationException(string.Join("\n", diagnostics));
    }

    public void Dispose() => _site.Dispose();
}

public class TrilingualSiteTests(TrilingualSite site) : IClassFixture<TrilingualSite>
{
    private static readonly string[] Keys = ["zh", "en", "zh-hant"];
    private static readonly string[] Tags = ["zh-Hans", "en", "zh-Hant"];

    private static ReportArchive.Content.Report Library { get; } = new("/r", "river-library", new DateOnly(2024, 3, 18), false, [], [],
        [new ReportArchive.Content.Translation("zh", "/r/index.zh.md", new ReportArchive.Content.FrontMatter("t", null, null, false, null, [], [], null, [], System.Collections.Immutable.ImmutableDictionary<string, int>.Empty), [], [])]);

    /// <summary>Every kind of page, as a route in one language: the site's page types, walked through the one place that addresses them.</summary>
    public static IEnumerable<Route> EveryPageType(string lang) =>
    [
        Route.Home(lang),
        Route.Years(lang),
        Route.Year(lang, 2024),
        new(PageKind.Departments, lang),
        new(PageKind.Department, lang, "culture-bureau"),
        new(PageKind.Topics, lang),
        new(PageKind.Topic, lang, "children"),
        Route.Search(lang),
        Route.Article(lang, Library),
        Route.Parallel(lang, Library, "en"),
        Route.Parallel(lang, Library, "zh-hant"),
        Route.Feed(lang),
    ];

    [Fact]
    public void The_languages_come_from_site_yml_with_the_original_first()
    {
        Assert.Equal(Keys, TrilingualSite.Languages.Keys);
        Assert.Equal(Tags, TrilingualSite.Languages.All.Select(l => l.Tag));
        Assert.Equal("zh", TrilingualSite.Languages.Original.Key);
        Assert.Empty(site.Result.Diagnostics);
    }

    [Fact]
    public void Every_page_type_exists_in_each_language()
    {
        var missing = Keys.SelectMany(EveryPageType).Select(TrilingualSite.Routes.Path)
            .Where(path => !File.Exists(Path.Combine(site.Output, path.EndsWith('/') ? path + "index.html" : path))).ToList();
        Assert.Empty(missing);
        Assert.Equal(Keys.Length * EveryPageType("zh").Count(), Keys.SelectMany(EveryPageType).Select(TrilingualSite.Routes.Path).Distinct().Count());
    }

    [Fact]
    public void Every_pages_alternates_point_to_existing_pages_in_their_language()
    {
        var checkedLinks = 0;
        foreach (var file in site.Built.HtmlFiles())
        {
            var page = site.Built.Page(file.EndsWith("index.html", StringComparison.Ordinal) ? file[..^"index.html".Length] : file);
            foreach (var link in page.QuerySelectorAll("link[rel=alternate][hreflang]"))
            {
                var href = link.GetAttribute("href")!;
                Assert.StartsWith("https://example.org/archive/", href);
                var path = new Uri(href).AbsolutePath;
                Assert.True(site.Built.Resolve(path, out var problem) is not null, $"{file}: {link.GetAttribute("hreflang")} -> {problem}");
                var target = site.Built.Page(path["/archive/".Length..]);
                var hreflang = link.GetAttribute("hreflang");
                Assert.Equal(hreflang == "x-default" ? "zh-Hans" : hreflang, target.DocumentElement.GetAttribute("lang"));
                checkedLinks++;
            }
        }

        Assert.True(checkedLinks > 100, $"only {checkedLinks} alternate links");
    }

    [Fact]
    public void A_report_in_three_languages_lists_all_three_in_hreflang_and_its_switch_offers_the_other_two()
    {
        foreach (var (lang, tag) in Keys.Zip(Tags))
        {
            var page = site.Built.Page($"{lang}/reports/2024/river-library/");
            Assert.Equal(tag, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal([.. Tags, "x-default"], page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")!));
            var switches = page.QuerySelectorAll(".lang-switch a").ToList();
            Assert.Equal(Keys.Where(k => k != lang).Select(k => $"/archive/{k}/reports/2024/river-library/"), switches.Select(a => a.GetAttribute("href")));
            Assert.Equal(Tags.Where(t => t != tag), switches.Select(a => a.GetAttribute("lang")));
            Assert.Equal(Tags.Where(t => t != tag), switches.Select(a => a.GetAttribute("hreflang")));
        }

        Assert.Equal("河畔圖書館重新開放", site.Built.Page("zh-hant/reports/2024/river-library/").QuerySelector("h1")!.VisibleText());
        Assert.Equal("2024年3月18日", site.Built.Page("zh-hant/reports/2024/river-library/").QuerySelector("time")!.TextContent);
        Assert.Equal("March 18, 2024", site.Built.Page("en/reports/2024/river-library/").QuerySelector("time")!.TextContent);
    }

    [Fact]
    public void A_report_not_translated_into_a_language_has_no_page_there_and_its_lists_show_the_original_marked()
    {
        Assert.False(File.Exists(Path.Combine(site.Output, "zh-hant", "reports", "2023", "night-market", "index.html")));
        var zh = site.Built.Page("zh/reports/2023/night-market/");
        Assert.Equal(["zh-Hans", "en", "x-default"], zh.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")!));
        Assert.Equal(["/archive/en/reports/2023/night-market/"], zh.QuerySelectorAll(".lang-switch a").Select(a => a.GetAttribute("href")));

        var item = site.Built.Page("zh-hant/").QuerySelectorAll(".report-list article").Single(a => a.QuerySelector("a")!.GetAttribute("href")!.Contains("night-market", StringComparison.Ordinal));
        Assert.Equal("/archive/zh/reports/2023/night-market/", item.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("zh-Hans", item.QuerySelector("h2")!.GetAttribute("lang"));
        Assert.Equal("僅簡體中文", item.QuerySelector(".badge")!.TextContent);
    }

    [Fact]
    public void Each_translations_page_carries_the_original_for_its_parallel_mode_and_the_reader_chooses_the_pairing()
    {
        var english = site.Built.Page("en/reports/2024/river-library/");
        var hant = site.Built.Page("zh-hant/reports/2024/river-library/");
        Assert.Equal("Riverside Library Reopens", english.QuerySelector("h1")!.VisibleText());
        Assert.Equal("河畔图书馆重新开放", english.QuerySelector("h1 .orig[lang=zh-Hans][hidden]")!.TextContent);
        Assert.Equal("河畔圖書館重新開放", hant.QuerySelector("h1")!.VisibleText());
        Assert.Equal("河畔图书馆重新开放", hant.QuerySelector("h1 .orig[lang=zh-Hans][hidden]")!.TextContent);
        Assert.NotNull(hant.QuerySelector("article#parallel"));
        Assert.Null(site.Built.Page("zh/reports/2024/river-library/").QuerySelector("#parallel, .orig")); // the original pairs with nothing
        var rows = hant.QuerySelectorAll("#children ~ .pair").Select(p => (Original: p.Children[0].TextContent.Trim(), Translation: p.Children[1].TextContent.Trim())).ToList();
        Assert.Equal(("新馆二层辟出一间少儿阅览区，藏书一万二千册。", "新館二層闢出一間少兒閱覽區，藏書一萬二千冊。"), rows[0]);
        // The photo is a stand-in: each side labels it in its own language.
        Assert.Equal("示意圖 改造後的少兒閱覽區", hant.QuerySelector("figure figcaption")!.VisibleText());
        Assert.Equal("示意图 改造后的少儿阅览区", hant.QuerySelector("figure figcaption .orig[lang=zh-Hans]")!.TextContent);

        // The reader chooses the pairing from the reading modes, on every page of the report.
        var modes = english.QuerySelectorAll(".modes a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
        [
            ("简体中文", "/archive/zh/reports/2024/river-library/"),
            ("English", "/archive/en/reports/2024/river-library/"),
            ("繁體中文", "/archive/zh-hant/reports/2024/river-library/"),
            ("Parallel · English", "#parallel"),
            ("Parallel · 繁體中文", "/archive/zh-hant/reports/2024/river-library/#parallel"),
        ], modes);

        // The parallel pages' old addresses send the reader to the parallel mode.
        var moved = site.Built.Page("zh/reports/2024/river-library/parallel/zh-hant/");
        Assert.EndsWith("url=/archive/zh-hant/reports/2024/river-library/#parallel", moved.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("noindex", moved.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void The_root_and_the_search_page_offer_every_language()
    {
        var root = site.Built.Page("");
        Assert.Equal(["/archive/zh/", "/archive/en/", "/archive/zh-hant/"], root.QuerySelectorAll(".languages a").Select(a => a.GetAttribute("href")));
        var script = root.QuerySelector("head script")!.TextContent;
        Assert.True(script.IndexOf("\"zh-tw\"", StringComparison.Ordinal) < script.IndexOf("\"zh\"", StringComparison.Ordinal), "a region prefix is tried before the bare language");
        Assert.Contains("if (l.indexOf(\"zh-tw\") === 0) { location.replace(\"/archive/zh-hant/\"); return; }", script);

        var search = site.Built.Page("zh-hant/search/");
        Assert.Equal(["", .. Keys], search.QuerySelectorAll("select[name=lang] option").Select(o => o.GetAttribute("value")));
        var results = search.GetElementById("search-results")!;
        Assert.Equal("zh-Hant", results.GetAttribute("data-tag-zh-hant"));
        Assert.Equal("繁體中文", results.GetAttribute("data-lang-zh-hant"));
        Assert.Equal("導語", results.GetAttribute("data-head-zh-hant"));
    }

    [Fact]
    public void Each_language_has_its_feed()
    {
        foreach (var (lang, tag) in Keys.Zip(Tags))
        {
            var feed = System.Xml.Linq.XDocument.Load(Path.Combine(site.Output, lang, "feed.xml"));
            Assert.Equal(tag, feed.Root!.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!.Value);
        }

        Assert.Contains("河畔圖書館重新開放", File.ReadAllText(Path.Combine(site.Output, "zh-hant", "feed.xml")));
        Assert.DoesNotContain("night-market", File.ReadAllText(Path.Combine(site.Output, "zh-hant", "feed.xml")));
    }

    [Fact]
    public void The_search_index_holds_records_of_every_language()
    {
        var toc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "search", "index.json"))).RootElement;
        Assert.Equal(Keys.Order(StringComparer.Ordinal), toc.GetProperty("langs").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_site_has_no_broken_internal_link()
    {
        Assert.Empty(site.Built.BrokenLinks());
    }
}
