using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>The repository's input/ plus the search fixtures of the unit tests (a report with 老 and 尚 apart, a report whose
/// title is markup), served and searched in Chromium.</summary>
public sealed class SearchSiteAndBrowser() : BrowserFixture(new SiteServer(Path.Combine(SiteServer.Repository, "tests", "ReportArchive.Tests", "Fixtures", "search", "extra")))
{
    public const string Name = "search site and browser";
}

[CollectionDefinition(SearchSiteAndBrowser.Name)]
public sealed class SearchCollection : ICollectionFixture<SearchSiteAndBrowser>
{
}

/// <summary>Real queries typed into the search box of the built site, in both languages, and what a reader sees and follows.</summary>
[Collection(SearchSiteAndBrowser.Name)]
public class SearchTests(SearchSiteAndBrowser fixture)
{
    private const string ZhTitle = "兖州区以高质量机关党建，引领高质量发展";

    private async Task<(Tab Tab, IPage Page)> SearchFromHeaderAsync(List<string> errors, string startPath, string query, int width = 1280)
    {
        var tab = await fixture.OpenAsync(errors, width: width);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url(startPath));
        await page.FillAsync("header .site-search input", query);
        await page.PressAsync("header .site-search input", "Enter");
        // The search page is ready when its results or its status are shown, which the next waits check; its load event once
        // timed out (30 s) when every test project ran at once on two cores.
        await page.WaitForURLAsync("**/search/?q=*", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("#search-list .result, #search-status:not(:empty)");
        await page.WaitForFunctionAsync("!document.getElementById('search-results').hasAttribute('aria-busy')");
        return (tab, page);
    }

    [Fact]
    public async Task A_chinese_name_typed_in_the_header_finds_its_section_and_the_link_opens_it()
    {
        var errors = new List<string>();
        var (tab, page) = await SearchFromHeaderAsync(errors, "zh/", "耿丽丽");
        await using var _ = tab;
        Assert.Equal(fixture.Site.Url("zh/search/") + "?q=" + Uri.EscapeDataString("耿丽丽"), page.Url);
        Assert.Equal("耿丽丽", await page.InputValueAsync("#search-q"));
        Assert.Equal(ZhTitle, await page.TextContentAsync("#search-list .result:first-child .result-title a"));
        var section = page.Locator("#search-list .result:first-child .result-section").First;
        // The result leads to the section with the query, which the page marks.
        Assert.Equal("/ReportArchive/zh/reports/2023/yanzhou-party-building/?q=" + Uri.EscapeDataString("耿丽丽") + "#education", await section.GetAttributeAsync("href"));
        Assert.Contains("耿丽丽", await page.Locator("#search-list .result:first-child mark").AllTextContentsAsync());
        Assert.Equal("在 1 篇报道中找到 1 处", await page.TextContentAsync("#search-status"));

        await section.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/yanzhou-party-building/\?q=[^#]+#education$"), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("#education");
        await page.WaitForSelectorAsync("section.found mark.found-word");
        Assert.All(await page.Locator("mark.found-word").AllTextContentsAsync(), m => Assert.Equal("耿丽丽", m));
        Assert.True(await page.Locator("#education").IsVisibleAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task An_english_name_finds_the_english_section_with_the_words_highlighted()
    {
        var errors = new List<string>();
        var (tab, page) = await SearchFromHeaderAsync(errors, "en/" + PageTypes.Article, "Geng Lili");
        await using var _ = tab;
        Assert.StartsWith(fixture.Site.Url("en/search/"), page.Url);
        var first = page.Locator("#search-list .result").First;
        Assert.Equal("en", await first.GetAttributeAsync("lang"));
        Assert.StartsWith("Yanzhou District Leads", await first.Locator(".result-title a").TextContentAsync());
        Assert.EndsWith("/en/reports/2023/yanzhou-party-building/?q=Geng%20Lili#education", await first.Locator(".result-section").First.GetAttributeAsync("href"));
        var marks = await first.Locator("mark").AllTextContentsAsync();
        Assert.Contains("Geng", marks);
        Assert.Contains("Lili", marks);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_chinese_query_from_an_english_page_finds_the_chinese_report()
    {
        var errors = new List<string>();
        var (tab, page) = await SearchFromHeaderAsync(errors, "en/", "老尚");
        await using var _ = tab;
        var results = page.Locator("#search-list .result");
        Assert.Equal(1, await results.CountAsync());
        Assert.Equal("zh-Hans", await results.First.GetAttributeAsync("lang"));
        Assert.Equal(ZhTitle, await results.First.Locator(".result-title a").TextContentAsync());
        Assert.EndsWith("#procuratorate", await results.First.Locator(".result-section").First.GetAttributeAsync("href"));
        Assert.DoesNotContain("老城新貌", await page.TextContentAsync("#search-list"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task English_words_match_by_prefix_and_the_language_filter_narrows_the_results()
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("en/search/?q=teach"));
        await page.WaitForSelectorAsync("#search-list .result");
        var marks = (await page.Locator("#search-list mark").AllTextContentsAsync()).Select(m => m.ToLowerInvariant()).Distinct().ToList();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith("teach", m));

        await page.FillAsync("#search-q", "老师");
        await page.PressAsync("#search-q", "Enter");
        await page.WaitForSelectorAsync("#search-list .result[lang=zh-Hans]");
        Assert.Equal(2, await page.Locator("#search-list .result").CountAsync());
        await page.SelectOptionAsync("select[name=year]", "2021");
        await page.WaitForURLAsync("**year=2021*");
        await page.WaitForFunctionAsync("document.querySelectorAll('#search-list .result').length === 1");
        Assert.StartsWith("老城新貌", await page.TextContentAsync("#search-list .result-title a"));
        Assert.Contains("q=" + Uri.EscapeDataString("老师"), page.Url);

        await page.GoBackAsync();
        await page.WaitForFunctionAsync("document.querySelectorAll('#search-list .result').length === 2");
        Assert.Equal("", await page.InputValueAsync("select[name=year]"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_title_made_of_markup_is_shown_as_text_and_runs_nothing()
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors);
        var page = tab.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(fixture.Site.Url("zh/search/?q=" + Uri.EscapeDataString("代码")));
        await page.WaitForSelectorAsync("#search-list .result");
        Assert.Equal("<img src=x onerror=alert(1)>", await page.TextContentAsync("#search-list .result-title a"));
        Assert.Equal(0, await page.Locator("#search-list img, #search-list script, #search-list b").CountAsync());
        Assert.Contains("<b>标记</b>", await page.TextContentAsync("#search-list"));
        await page.WaitForTimeoutAsync(200);
        Assert.Empty(dialogs);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task No_results_gives_a_helpful_message_in_the_announced_status()
    {
        var errors = new List<string>();
        var (tab, page) = await SearchFromHeaderAsync(errors, "zh/", "量子纠缠");
        await using var _ = tab;
        Assert.Equal(0, await page.Locator("#search-list .result").CountAsync());
        var status = page.Locator("#search-status");
        Assert.Equal("status", await status.GetAttributeAsync("role"));
        var text = await status.TextContentAsync();
        Assert.Contains("“量子纠缠”", text);
        Assert.Contains("按年份", text);
        Assert.Equal("search-results-heading", await page.GetAttributeAsync("#search-results", "aria-labelledby"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_slash_key_focuses_the_search_box_but_not_while_typing_in_a_field()
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("zh/" + PageTypes.Article));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("site-search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("a/b");
        Assert.Equal("a/b", await page.InputValueAsync("#site-search-q"));

        await page.GotoAsync(fixture.Site.Url("en/search/"));
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-q", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Without_scripts_the_header_box_still_sends_the_query_and_the_page_says_search_needs_javascript()
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors, javaScript: false);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("en/"));
        await page.FillAsync("header .site-search input", "teacher");
        await page.PressAsync("header .site-search input", "Enter");
        // Wait for the navigation to commit, then for the page's text, not for its load event, which once timed out when every
        // test project ran at once on two cores.
        await page.WaitForURLAsync("**/en/search/?q=teacher", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("main .notice");
        Assert.Contains("Search needs JavaScript", await page.TextContentAsync("main"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_search_page_with_results_passes_axe_in_light_and_dark_and_fits_a_phone()
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var errors = new List<string>();
            await using var tab = await fixture.OpenAsync(errors, width: 360, scheme: scheme);
            var page = tab.Page;
            await page.GotoAsync(fixture.Site.Url("zh/search/?q=" + Uri.EscapeDataString("检察官")));
            await page.WaitForSelectorAsync("#search-list .result mark");
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
            Assert.Empty(result.Violations.Select(v => $"{scheme}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
