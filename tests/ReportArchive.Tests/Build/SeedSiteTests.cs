using AngleSharp.Dom;
using ReportArchive.Content;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>Builds the frozen seed site (Fixtures/seed/) and reads the pages back: the first report, whole, in both languages.</summary>
public class SeedSiteTests : IClassFixture<SeedSiteTests.Built>
{
    private const string Article = "reports/2023/yanzhou-party-building/";
    private readonly Built _built;

    public SeedSiteTests(Built built) => _built = built;

    /// <summary>One build of input/ shared by the tests of this class.</summary>
    public sealed class Built : IDisposable
    {
        private readonly TempDirectory _directory = new();

        public Built()
        {
            Result = SiteBuild.RunAsync(new BuildSettings(Paths.Seed, Paths.Theme, _directory["site"], null, Cache: _directory["cache"])).GetAwaiter().GetResult();
            Site = new BuiltSite(_directory["site"], "/ReportArchive/");
            var diagnostics = new List<ReportArchive.Build.Diagnostic>();
            Report = ReportLoader.Load(Paths.SeedReport, ReportArchive.Configuration.LanguageSet.Default, diagnostics)!;
        }

        public BuildResult Result { get; }

        public BuiltSite Site { get; }

        public Report Report { get; }

        public void Dispose() => _directory.Dispose();
    }

    [Fact]
    public void The_build_succeeds_without_errors_or_warnings()
    {
        Assert.Empty(_built.Result.Diagnostics);
        Assert.True(_built.Result.Written);
        Assert.Equal(1, _built.Result.Reports);
        Assert.Equal(3, _built.Result.Photos);
    }

    [Theory]
    [InlineData("zh", "zh-Hans")]
    [InlineData("en", "en")]
    public void Every_section_heading_and_every_paragraph_is_on_the_page(string lang, string htmlLang)
    {
        var translation = _built.Report.In(lang)!;
        var page = _built.Site.Page($"{lang}/{Article}");

        Assert.Equal(htmlLang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(5, translation.Sections.Length);
        var headings = page.QuerySelectorAll("section > h2").Select(h => (h.Id, Text: h.VisibleText())).ToList();
        Assert.Equal(translation.Sections.Select(s => (s.Id, s.Heading)), headings.Select(h => (h.Id!, h.Text)));

        var pageParagraphs = page.QuerySelectorAll("article p").Where(p => p.Closest("[hidden]") is null).Select(p => p.TextContent).ToHashSet();
        var expected = translation.Lead.Concat(translation.Sections.SelectMany(s => s.Blocks)).OfType<Paragraph>().ToList();
        Assert.Equal(25, expected.Count);
        Assert.All(expected, p => Assert.Contains(p.Text, pageParagraphs));
        Assert.Equal(translation.Front.Title, page.QuerySelector("h1")!.VisibleText());
        Assert.Equal(translation.Front.Subtitle, page.QuerySelector(".subtitle:not([hidden])")!.TextContent);
        Assert.Equal(translation.Front.Byline, page.QuerySelector(".byline:not([hidden])")!.TextContent);
    }

    [Theory]
    [InlineData("zh", "2023年7月", "日期据正文推断")]
    [InlineData("en", "July 2023", "date inferred from the text")]
    public void The_date_is_written_in_the_language_and_marked_as_inferred(string lang, string date, string note)
    {
        var page = _built.Site.Page($"{lang}/{Article}");
        var time = page.QuerySelector("time")!;
        Assert.Equal(date, time.TextContent);
        Assert.Equal("2023-07", time.GetAttribute("datetime"));
        Assert.Contains(note, page.QuerySelector(".meta")!.TextContent);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void The_table_of_contents_links_every_section(string lang)
    {
        var page = _built.Site.Page($"{lang}/{Article}");
        var links = page.QuerySelectorAll(".toc .toc-single a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#party-office", "#procuratorate", "#education", "#finance", "#approval-services"], links);
        Assert.All(links, l => Assert.NotNull(page.GetElementById(l![1..])));
        // A translation's contents also lead to each section in the parallel mode, at the section's parallel anchor.
        var parallel = page.QuerySelectorAll(".toc .toc-parallel a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(lang == "en" ? links.Select(l => "#parallel-" + l![1..]) : [], parallel);
        Assert.All(parallel, l => Assert.Equal("SECTION", page.GetElementById(l![1..])!.TagName));
    }

    [Theory]
    [InlineData("zh", "示意图", "区财政局举行“鲁担惠农贷”宣讲活动。")]
    [InlineData("en", "Illustration", "The district Finance Bureau holds a briefing on the “Lu Dan Hui Nong Dai” loans for agriculture.")]
    public void Figures_carry_their_caption_and_are_marked_as_stand_ins(string lang, string label, string caption)
    {
        var page = _built.Site.Page($"{lang}/{Article}");
        var figures = page.QuerySelectorAll("figure");
        Assert.Equal(3, figures.Length);
        Assert.All(figures, f =>
        {
            Assert.Equal(label, f.QuerySelector("figcaption > .stand-in-label")!.TextContent);
            var img = f.QuerySelector("picture > img")!;
            Assert.Equal("1600", img.GetAttribute("width"));
            Assert.Equal("1067", img.GetAttribute("height"));
        });
        Assert.Contains(figures, f => f.QuerySelector("figcaption")!.VisibleText() == $"{label} {caption}");
        var finance = page.GetElementById("finance")!.ParentElement!;
        Assert.Contains(caption, finance.QuerySelector("figcaption")!.VisibleText());
    }

    [Fact]
    public void The_language_versions_point_at_each_other()
    {
        var zh = _built.Site.Page($"zh/{Article}");
        var en = _built.Site.Page($"en/{Article}");
        string Canonical(IDocument d) => d.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        string Alternate(IDocument d, string lang) => d.QuerySelector($"link[rel=alternate][hreflang='{lang}']")!.GetAttribute("href")!;

        Assert.Equal($"https://example.github.io/ReportArchive/zh/{Article}", Canonical(zh));
        Assert.Equal($"https://example.github.io/ReportArchive/en/{Article}", Canonical(en));
        foreach (var page in new[] { zh, en })
        {
            Assert.Equal(Canonical(zh), Alternate(page, "zh-Hans"));
            Assert.Equal(Canonical(en), Alternate(page, "en"));
            Assert.Equal("https://example.github.io/ReportArchive/", Alternate(page, "x-default"));
        }

        Assert.Equal($"/ReportArchive/en/{Article}", zh.QuerySelector(".lang-switch a")!.GetAttribute("href"));
        Assert.Equal($"/ReportArchive/zh/{Article}", en.QuerySelector(".lang-switch a")!.GetAttribute("href"));
        Assert.Equal("en", zh.QuerySelector(".lang-switch a")!.GetAttribute("lang"));
        Assert.Equal($"/ReportArchive/en/{Article}", zh.QuerySelector(".modes a[lang=en]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("zh", "兖州区以高质量机关党建，引领高质量发展")]
    [InlineData("en", "Yanzhou District Leads High-Quality Development with High-Quality Party Building in Government Agencies")]
    public void Each_home_page_lists_the_report(string lang, string title)
    {
        var home = _built.Site.Page($"{lang}/");
        var link = Assert.Single(home.QuerySelectorAll(".report-list h2 a"));
        Assert.Equal(title, link.TextContent);
        Assert.Equal($"/ReportArchive/{lang}/{Article}", link.GetAttribute("href"));
        Assert.False(string.IsNullOrEmpty(home.QuerySelector(".excerpt")?.TextContent));
    }

    [Fact]
    public void The_root_page_offers_both_languages()
    {
        var root = _built.Site.Page("");
        var links = root.QuerySelectorAll(".languages a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/ReportArchive/zh/", "/ReportArchive/en/"], links);
        Assert.Equal("https://example.github.io/ReportArchive/", root.QuerySelector("link[rel=alternate][hreflang=x-default]")!.GetAttribute("href"));
    }

    [Fact]
    public void Every_internal_link_resolves_to_a_file()
    {
        // The root and 404; per language: home, archive index and 2023, department index and 5, topic index and 5, article, parallel.
        Assert.Equal(38, _built.Site.HtmlFiles().Count());
        Assert.Empty(_built.Site.BrokenLinks());
    }

    [Fact]
    public void Every_page_names_an_icon_within_the_site()
    {
        // Without one a browser asks the host's /favicon.ico, which lies outside a project site and fails.
        var pages = _built.Site.HtmlFiles().ToList();
        Assert.NotEmpty(pages);
        Assert.All(pages, path =>
        {
            var icon = _built.Site.Page(path).QuerySelector("head link[rel=icon]")?.GetAttribute("href");
            Assert.True(icon is not null, $"{path} names no icon");
            Assert.True(_built.Site.Resolve(icon!, out var problem) is not null, $"{path}: {problem}");
        });
    }

    [Fact]
    public void Chinese_stays_as_characters_in_the_html()
    {
        var html = File.ReadAllText(Path.Combine(_built.Site.Output, "zh", Article, "index.html"));
        Assert.Contains("忠诚为民强担当", html);
        Assert.DoesNotContain("&#x5FE0;", html);
    }
}
