using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Search;

/// <summary>The search page of each language and the search box in every other page's header, read back as HTML.</summary>
public class SearchPageTests(SearchSite site) : IClassFixture<SearchSite>
{
    private readonly BuiltSite _built = new(site.Output, "/ReportArchive/");

    [Theory]
    [InlineData("zh", "搜索")]
    [InlineData("en", "Search")]
    public void The_search_page_is_a_plain_get_form_with_the_archives_filters(string lang, string heading)
    {
        var page = _built.Page($"{lang}/search/");
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
        var form = page.QuerySelector("#search-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal($"/ReportArchive/{lang}/search/", form.GetAttribute("action"));
        Assert.Equal("/ReportArchive/search/", form.GetAttribute("data-index"));
        Assert.NotNull(form.QuerySelector("input[name=q][type=search]"));
        Assert.Equal(["", "2023", "2021", "2020"], form.QuerySelectorAll("select[name=year] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(6, form.QuerySelectorAll("select[name=department] option").Length);
        Assert.Equal(["", "zh", "en"], form.QuerySelectorAll("select[name=lang] option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector("noscript .notice"));
        Assert.Equal("status", page.QuerySelector("#search-results #search-status")!.GetAttribute("role"));
        Assert.Null(page.QuerySelector(".site-search"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("/assets/search.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh/")]
    [InlineData("en/reports/2023/yanzhou-party-building/")]
    [InlineData("zh/archive/2021/")]
    public void Every_other_page_has_a_search_box_that_submits_to_its_languages_search_page(string path)
    {
        var page = _built.Page(path);
        var lang = path[..2];
        var box = page.QuerySelector("header form.site-search[role=search]")!;
        Assert.Equal($"/ReportArchive/{lang}/search/", box.GetAttribute("action"));
        var input = box.QuerySelector("input[name=q]")!;
        Assert.NotNull(input.GetAttribute("data-search-input"));
        Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
        var scripts = page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Single(scripts);
        Assert.Contains("/assets/site.", scripts[0]);
    }

    [Fact]
    public void The_search_pages_are_in_the_sitemap_with_their_alternates()
    {
        var sitemap = File.ReadAllText(Path.Combine(site.Output, "sitemap.xml"));
        Assert.Contains("/ReportArchive/zh/search/</loc>", sitemap);
        Assert.Contains("/ReportArchive/en/search/</loc>", sitemap);
    }
}
