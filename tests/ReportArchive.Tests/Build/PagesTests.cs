using System.Xml.Linq;
using AngleSharp.Html.Parser;
using ReportArchive.Tests.Support;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Build;

/// <summary>The pages around the articles: parallel reading, archives, feeds, sitemap and the files hosts look for.</summary>
public class PagesTests(ITestOutputHelper output)
{
    private static readonly HtmlParser Parser = new();
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Fact]
    public async Task The_english_page_pairs_each_chinese_paragraph_with_its_english_one_for_the_parallel_mode()
    {
        using var site = SeedSite();
        await site.BuildAsync();
        var report = Seed();
        var page = Parser.ParseDocument(site.Read("en/reports/2023/yanzhou-party-building/index.html"));

        var article = page.QuerySelector("article#parallel")!;
        var zhParagraphs = report.Original.Lead.Concat(report.Original.Sections.SelectMany(s => s.Blocks)).OfType<ReportArchive.Content.Paragraph>().ToList();
        var enParagraphs = report.In("en")!.Lead.Concat(report.In("en")!.Sections.SelectMany(s => s.Blocks)).OfType<ReportArchive.Content.Paragraph>().ToList();
        var pairs = article.QuerySelectorAll(".pair");
        Assert.Equal(zhParagraphs.Count, pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            // The original, hidden until the parallel mode shows it, then the translation as the page always shows it.
            Assert.Equal(("zh-Hans", true, "orig"), (pairs[i].Children[0].GetAttribute("lang"), pairs[i].Children[0].HasAttribute("hidden"), pairs[i].Children[0].ClassName));
            Assert.False(pairs[i].Children[1].HasAttribute("hidden"));
            Assert.Equal(zhParagraphs[i].Text, pairs[i].Children[0].TextContent.Trim());
            Assert.Equal(enParagraphs[i].Text, pairs[i].Children[1].TextContent.Trim());
        }

        Assert.Equal(report.Original.Title, page.QuerySelector("h1 .orig[lang=zh-Hans][hidden]")!.TextContent);
        Assert.Equal(report.In("en")!.Title, page.QuerySelector("h1")!.VisibleText());
        Assert.Equal(report.Original.Sections.Select(s => s.Heading), page.QuerySelectorAll("section > h2 > .orig[hidden]").Select(h => h.TextContent));
        Assert.Contains("陈丹", page.QuerySelector(".byline.orig[lang=zh-Hans][hidden]")!.TextContent);
        Assert.Contains("Chen Dan", page.QuerySelector(".byline:not(.orig)")!.TextContent);
        var captions = page.QuerySelectorAll("figure figcaption");
        Assert.Equal(3, captions.Length);
        Assert.All(captions, c => Assert.Equal("zh-Hans", c.QuerySelector(".orig[hidden]")!.GetAttribute("lang")));
        Assert.Equal("Parallel", page.QuerySelector(".modes a[href='#parallel']")!.TextContent);

        // The Chinese page carries nothing hidden and leads to the English page's parallel mode.
        var zh = Parser.ParseDocument(site.Read("zh/reports/2023/yanzhou-party-building/index.html"));
        Assert.Empty(zh.QuerySelectorAll("[hidden]:not(button), #parallel, .pair"));
        Assert.Equal("对照", zh.QuerySelector(".modes a[href='/ReportArchive/en/reports/2023/yanzhou-party-building/#parallel']")!.TextContent);
    }

    [Theory]
    [InlineData("zh", "zh-Hans")]
    [InlineData("en", "en")]
    public async Task The_parallel_pages_old_addresses_send_the_reader_to_the_parallel_mode(string lang, string tag)
    {
        using var site = SeedSite();
        await site.BuildAsync();
        var page = Parser.ParseDocument(site.Read($"{lang}/reports/2023/yanzhou-party-building/parallel/index.html"));

        const string Target = "/ReportArchive/en/reports/2023/yanzhou-party-building/#parallel";
        Assert.Equal(tag, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("0; url=" + Target, page.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("https://example.github.io" + Target, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Target, page.QuerySelector("body a")!.GetAttribute("href"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_section_whose_paragraph_counts_differ_is_paired_whole()
    {
        using var site = new TestSite("invalid", "paragraph-count-mismatch");
        await site.BuildAsync();
        var page = Parser.ParseDocument(site.Read("en/reports/2023/report-a/index.html"));

        var section = page.QuerySelector("section[aria-labelledby=first]")!;
        var pair = Assert.Single(section.QuerySelectorAll(".pair"));
        Assert.Contains("whole", pair.ClassList);
        Assert.Equal(2, pair.QuerySelectorAll(".orig p").Length);
        Assert.Equal(3, pair.Children[1].QuerySelectorAll("p").Length);
        Assert.Equal(["First paragraph.", "Second paragraph.", "A third paragraph."], pair.Children[1].QuerySelectorAll("p").Select(p => p.TextContent));
        var lead = page.QuerySelector(".lead .pair")!; // the lead still pairs paragraph by paragraph
        Assert.DoesNotContain("whole", lead.ClassList);
    }

    [Fact]
    public async Task Archives_count_the_reports_of_each_year_department_and_topic_and_paginate()
    {
        using var site = new TestSite("valid", "small");
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "page_size: 1\n");
        await site.BuildAsync();

        var home = Parser.ParseDocument(site.Read("en/index.html"));
        Assert.Single(home.QuerySelectorAll(".report-list li"));
        Assert.Equal("/archive/en/page/2/", home.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        var second = Parser.ParseDocument(site.Read("en/page/2/index.html"));
        Assert.Equal("/archive/en/", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Chinese only", second.QuerySelector(".badge")!.TextContent); // the older report has no English

        var years = Parser.ParseDocument(site.Read("zh/archive/index.html"));
        Assert.Equal(["2023 1 篇", "2022 1 篇"], years.QuerySelectorAll(".group-index li").Select(li => li.TextContent.Trim()));
        var departments = Parser.ParseDocument(site.Read("en/departments/index.html"));
        Assert.Equal("District Finance Bureau 1 reports", departments.QuerySelector(".group-index li")!.TextContent.Trim());
        var finance = Parser.ParseDocument(site.Read("zh/departments/finance-bureau/index.html"));
        Assert.Equal("区财政局", finance.QuerySelector("h1")!.TextContent);
        Assert.Equal("测试报道", finance.QuerySelector(".report-list h2")!.TextContent);
        Assert.Empty(new BuiltSite(site.Output, "/archive/").BrokenLinks());
    }

    [Fact]
    public async Task A_long_list_links_its_ends_and_the_neighbours_of_the_current_page()
    {
        using var site = new TestSite("valid", "small");
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "page_size: 1\n");
        for (var i = 1; i <= 6; i++)
        {
            var bundle = Path.Combine(site.Input, "reports", "2022", $"extra-{i}");
            Directory.CreateDirectory(bundle);
            File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 第{i}篇\ndate: 2022-0{i}-01\n---\n\n正文。\n");
        }

        await site.BuildAsync();

        // Eight reports, one a page: the first page links 1 2 3, a gap and 8; the fifth links every page (a gap would stand for
        // page 2 alone, which is shown instead); the last 1, a gap, 6 7 8.
        string Numbers(string path) => string.Join(" ", Parser.ParseDocument(site.Read(path)).QuerySelectorAll(".pagination li").Select(li => li.TextContent.Trim()));
        Assert.Equal("1 2 3 … 8", Numbers("zh/index.html"));
        Assert.Equal("1 2 3 4 5 6 7 8", Numbers("zh/page/5/index.html"));
        Assert.Equal("1 … 6 7 8", Numbers("zh/page/8/index.html"));
        var first = Parser.ParseDocument(site.Read("zh/index.html"));
        Assert.Equal("true", first.QuerySelector(".pagination li:not(:has(a))")!.GetAttribute("aria-hidden"));
        Assert.Equal("page", first.QuerySelector(".pagination a[href='/archive/zh/']")!.GetAttribute("aria-current"));
        Assert.Empty(new BuiltSite(site.Output, "/archive/").BrokenLinks());
    }

    [Fact]
    public async Task Lists_show_reading_time_by_characters_in_chinese_and_by_words_in_english()
    {
        using var site = SeedSite();
        await site.BuildAsync();
        var zh = Parser.ParseDocument(site.Read("zh/index.html")).QuerySelector(".report-list .meta")!.TextContent;
        var en = Parser.ParseDocument(site.Read("en/index.html")).QuerySelector(".report-list .meta")!.TextContent;
        Assert.Matches(@"约\d+分钟读完", zh);
        Assert.Matches(@"\d+ min read", en);
    }

    [Fact]
    public async Task The_sitemap_lists_every_page_with_its_date_and_leaves_the_language_alternates_to_the_pages()
    {
        using var site = SeedSite();
        await site.BuildAsync("https://example.github.io/ReportArchive/");
        var sitemap = XDocument.Load(Path.Combine(site.Output, "sitemap.xml"));
        var urls = sitemap.Root!.Elements(SitemapNs + "url").ToList();

        // Every page but 404.html and the old addresses that send the reader on (noindex).
        var pages = new BuiltSite(site.Output, "/ReportArchive/").HtmlFiles()
            .Where(f => f != "404.html" && !site.Read(f).Contains("<meta name=\"robots\" content=\"noindex\">", StringComparison.Ordinal)).ToList();
        Assert.Equal(pages.Count, urls.Count);
        Assert.All(urls, u => Assert.StartsWith("https://example.github.io/ReportArchive/", u.Element(SitemapNs + "loc")!.Value));
        var article = urls.Single(u => u.Element(SitemapNs + "loc")!.Value.EndsWith("/zh/reports/2023/yanzhou-party-building/"));
        Assert.Equal("2023-07-01", article.Element(SitemapNs + "lastmod")!.Value);
        Assert.Empty(sitemap.Descendants(Xhtml + "link"));

        var head = Parser.ParseDocument(site.Read("zh/reports/2023/yanzhou-party-building/index.html")).QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href"));
        Assert.Equal("https://example.github.io/ReportArchive/en/reports/2023/yanzhou-party-building/", head["en"]);
        Assert.Equal("https://example.github.io/ReportArchive/zh/reports/2023/yanzhou-party-building/", head["zh-Hans"]);
        Assert.Equal("https://example.github.io/ReportArchive/", head["x-default"]);
    }

    [Fact]
    public void A_sitemap_past_the_limit_of_a_file_becomes_an_index_of_parts()
    {
        var pages = Enumerable.Range(0, 5).Select(i => new ReportArchive.Rendering.PageRecord($"en/reports/2024/r{i}/", new DateOnly(2024, 1, 1 + i))).ToList();
        var files = ReportArchive.Publish.Sitemap.Build(pages, p => "https://example.org/" + p, perFile: 2);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], files.Select(f => f.Path));
        var index = XDocument.Parse(System.Text.Encoding.UTF8.GetString(files[0].Bytes!)).Root!;
        Assert.Equal(SitemapNs + "sitemapindex", index.Name);
        Assert.Equal(["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"],
            index.Elements(SitemapNs + "sitemap").Select(s => s.Element(SitemapNs + "loc")!.Value));
        Assert.Equal("2024-01-05", index.Elements(SitemapNs + "sitemap").Last().Element(SitemapNs + "lastmod")!.Value);
        var listed = files.Skip(1).SelectMany(f => XDocument.Parse(System.Text.Encoding.UTF8.GetString(f.Bytes!)).Root!.Elements(SitemapNs + "url"))
            .Select(u => u.Element(SitemapNs + "loc")!.Value).ToList();
        Assert.Equal(pages.Select(p => "https://example.org/" + p.Path), listed);
        Assert.Single(ReportArchive.Publish.Sitemap.Build(pages, p => "https://example.org/" + p)); // under the limit: one file, as before
    }

    [Theory]
    [InlineData("zh", 2)]
    [InlineData("en", 1)]
    public async Task Each_language_has_an_atom_feed_with_full_text_and_absolute_links(string lang, int entries)
    {
        using var site = new TestSite("valid", "small");
        await site.BuildAsync();
        var feed = XDocument.Load(Path.Combine(site.Output, lang, "feed.xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal($"https://example.org/archive/{lang}/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "title")!.Value);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT00:00:00Z$", feed.Element(Atom + "updated")!.Value);
        Assert.Equal($"https://example.org/archive/{lang}/feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var items = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries, items.Count);
        foreach (var entry in items)
        {
            foreach (var name in new[] { "id", "title", "updated", "published", "summary", "content" })
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + name)?.Value), $"an entry lacks {name}");
            }

            Assert.StartsWith("https://example.org/archive/", entry.Element(Atom + "link")!.Attribute("href")!.Value);
            Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        }

        Assert.All(feed.Descendants().Attributes("href"), href => Assert.StartsWith("https://", href.Value));
    }

    [Fact]
    public async Task Robots_nojekyll_open_graph_and_json_ld_are_published()
    {
        using var site = SeedSite();
        await site.BuildAsync("https://example.github.io/ReportArchive/");

        Assert.Contains("Sitemap: https://example.github.io/ReportArchive/sitemap.xml", site.Read("robots.txt"));
        Assert.True(File.Exists(Path.Combine(site.Output, ".nojekyll")));
        var page = Parser.ParseDocument(site.Read("en/reports/2023/yanzhou-party-building/index.html"));
        string Meta(string property) => page.QuerySelector($"meta[property='{property}']")!.GetAttribute("content")!;
        Assert.Equal("article", Meta("og:type"));
        Assert.Equal("en_US", Meta("og:locale"));
        Assert.Equal("zh_CN", Meta("og:locale:alternate"));
        Assert.Matches(@"^https://example\.github\.io/ReportArchive/photos/2023/yanzhou-party-building/mentoring-launch-960\.[0-9a-f]{10}\.jpg$", Meta("og:image"));

        using var json = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var article = json.RootElement;
        Assert.Equal("NewsArticle", article.GetProperty("@type").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
        Assert.Equal("2023-07", article.GetProperty("datePublished").GetString());
        Assert.Equal("By Chen Dan, staff reporter", article.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(3, article.GetProperty("image").GetArrayLength());
    }

    [Fact]
    public async Task The_404_page_speaks_both_languages_and_links_home()
    {
        using var site = SeedSite();
        await site.BuildAsync();
        var page = Parser.ParseDocument(site.Read("404.html"));
        Assert.Equal("找不到这个页面 Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["/ReportArchive/zh/", "/ReportArchive/en/"], page.QuerySelectorAll(".languages a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task An_article_page_weighs_at_most_50_kb_without_photos(string lang)
    {
        using var site = SeedSite();
        await site.BuildAsync();
        var html = new FileInfo(Path.Combine(site.Output, lang, "reports/2023/yanzhou-party-building/index.html")).Length;
        var page = Parser.ParseDocument(site.Read($"{lang}/reports/2023/yanzhou-party-building/index.html"));
        var assets = page.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Sum(url => new FileInfo(Path.Combine(site.Output, url["/ReportArchive/".Length..])).Length);

        output.WriteLine($"{lang} article: HTML {html:N0} bytes + CSS and JS {assets:N0} bytes = {html + assets:N0} bytes (budget 51,200)");
        Assert.True(html + assets <= 50 * 1024, $"{html + assets} bytes");
    }

    private static TestSite SeedSite()
    {
        var site = new TestSite();
        Directory.Delete(site.Input, recursive: true);
        TempDirectory.Copy(Paths.Seed, site.Input);
        return site;
    }

    private static ReportArchive.Content.Report Seed() =>
        ReportArchive.Content.ReportLoader.Load(Paths.SeedReport, ReportArchive.Configuration.LanguageSet.Default, new List<ReportArchive.Build.Diagnostic>())!;
}
