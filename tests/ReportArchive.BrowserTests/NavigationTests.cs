using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>A reader's paths through the site in a real browser: between languages, reading modes, and with scripts off.</summary>
[Collection(SiteCollection.Name)]
public class NavigationTests(SiteAndBrowser fixture)
{
    [Fact]
    public async Task The_language_link_on_an_article_leads_to_the_same_report_in_the_other_language_and_back()
    {
        var errors = new List<string>();
        await using var pageTab = await fixture.OpenAsync(errors);
        var page = pageTab.Page;
        await page.GotoAsync(fixture.Site.Url("zh/" + PageTypes.Article));
        Assert.Equal("zh-Hans", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync(".lang-switch a");
        Assert.Equal(fixture.Site.Url("en/" + PageTypes.Article), page.Url);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.StartsWith("Yanzhou District Leads", await page.InnerTextAsync("h1"));

        await page.ClickAsync(".lang-switch a");
        Assert.Equal(fixture.Site.Url("zh/" + PageTypes.Article), page.Url);
        Assert.Equal("兖州区以高质量机关党建，引领高质量发展", await page.TextContentAsync("h1"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_parallel_mode_shows_each_chinese_paragraph_beside_its_english_one_on_wide_screens_and_above_it_on_narrow_ones()
    {
        var errors = new List<string>();
        await using var wideTab = await fixture.OpenAsync(errors, width: 1280);
        var wide = wideTab.Page;
        // The English page alone shows no Chinese.
        await wide.GotoAsync(fixture.Site.Url("en/" + PageTypes.Article));
        Assert.Empty(await VisibleOriginals(wide));
        Assert.True(await wide.IsVisibleAsync(".toc"));

        // From the Chinese page, the parallel mode is the English page with the original beside it.
        await wide.GotoAsync(fixture.Site.Url("zh/" + PageTypes.Article));
        await wide.ClickAsync(".modes li:last-child a");
        await wide.WaitForURLAsync("**/en/" + PageTypes.Article + "#parallel");
        // The contents now lead to the sections in this mode.
        await wide.ClickAsync(".toc summary");
        Assert.False(await wide.IsVisibleAsync(".toc-single"));
        Assert.True(await wide.IsVisibleAsync(".toc-parallel a[href='#parallel-education']"));
        Assert.Equal("兖州区以高质量机关党建，引领高质量发展", await wide.InnerTextAsync("h1 .orig"));

        var pairs = await wide.QuerySelectorAllAsync(".pair");
        Assert.Equal(25, pairs.Count);
        foreach (var pair in pairs)
        {
            var zh = await pair.QuerySelectorAsync(":scope > .orig");
            var en = await pair.QuerySelectorAsync(":scope > :last-child");
            Assert.Equal("zh-Hans", await zh!.GetAttributeAsync("lang"));
            var (a, b) = ((await zh.BoundingBoxAsync())!, (await en!.BoundingBoxAsync())!);
            Assert.True(a.X + a.Width <= b.X, "the English block should stand to the right of the Chinese one");
            Assert.Equal(a.Y, b.Y, 1.0);
        }

        // Every caption shows both languages.
        Assert.Equal(3, (await wide.QuerySelectorAllAsync("figcaption .orig")).Count);
        Assert.Equal(1 + 1 + 1 + 25 + 5 + 3, (await VisibleOriginals(wide)).Count); // title, subtitle, byline, paragraphs, headings, captions
        // Back to the English page alone: the original is hidden again.
        await wide.GoBackAsync();
        await wide.GotoAsync(fixture.Site.Url("en/" + PageTypes.Article));
        Assert.Empty(await VisibleOriginals(wide));

        // The parallel page's old address sends the reader to the parallel mode.
        await wide.GotoAsync(fixture.Site.Url("zh/" + PageTypes.Article + "parallel/"));
        for (var wait = 0; wait < 100 && !wide.Url.EndsWith("/en/" + PageTypes.Article + "#parallel", StringComparison.Ordinal); wait++)
        {
            await Task.Delay(100);
        }

        Assert.EndsWith("/en/" + PageTypes.Article + "#parallel", wide.Url);
        await wide.WaitForSelectorAsync("h1 .orig", new() { State = Microsoft.Playwright.WaitForSelectorState.Visible });

        await using var narrowTab = await fixture.OpenAsync(errors, width: 360);
        var narrow = narrowTab.Page;
        await narrow.GotoAsync(fixture.Site.Url("en/" + PageTypes.Article + "#parallel"));
        var first = await narrow.QuerySelectorAsync(".pair");
        var (top, bottom) = ((await (await first!.QuerySelectorAsync(":scope > .orig"))!.BoundingBoxAsync())!, (await (await first.QuerySelectorAsync(":scope > :last-child"))!.BoundingBoxAsync())!);
        Assert.True(top.Y + top.Height <= bottom.Y + 1, "on a narrow screen the English block follows the Chinese one");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static async Task<List<Microsoft.Playwright.IElementHandle>> VisibleOriginals(Microsoft.Playwright.IPage page)
    {
        var visible = new List<Microsoft.Playwright.IElementHandle>();
        foreach (var element in await page.QuerySelectorAllAsync(".orig"))
        {
            if (await element.IsVisibleAsync())
            {
                visible.Add(element);
            }
        }

        return visible;
    }

    [Theory]
    [InlineData("en-US", "en/")]
    [InlineData("zh-CN", "zh/")]
    public async Task With_javascript_the_root_follows_the_browser_language(string locale, string expected)
    {
        var errors = new List<string>();
        await using var pageTab = await fixture.OpenAsync(errors, locale: locale);
        var page = pageTab.Page;
        await page.GotoAsync(fixture.Site.Url(""));
        await page.WaitForURLAsync(fixture.Site.Url(expected), new() { WaitUntil = Microsoft.Playwright.WaitUntilState.Commit });
        await page.WaitForSelectorAsync("main h1, main h2");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task Without_javascript_every_page_reads_and_its_links_work(string path)
    {
        var errors = new List<string>();
        await using var pageTab = await fixture.OpenAsync(errors, javaScript: false);
        var page = pageTab.Page;
        var response = await page.GotoAsync(fixture.Site.Url(path));
        Assert.Equal(path.StartsWith("no-such") ? 404 : 200, response!.Status);
        Assert.Equal(fixture.Site.Url(path), page.Url); // no redirect happens without scripts, not even on the root
        Assert.True(await page.IsVisibleAsync("h1"));
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("h1")));

        var links = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "as => as.map(a => a.href)");
        Assert.NotEmpty(links);
        var first = links.First(l => l.StartsWith(fixture.Site.Origin) && !l.Contains('#'));
        await page.GotoAsync(first);
        Assert.True(await page.IsVisibleAsync("h1"));
        errors.RemoveAll(e => path.StartsWith("no-such") && e.Contains("404"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
