using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>The three-language fixture site in a browser.</summary>
public sealed class TrilingualSiteAndBrowser() : BrowserFixture(new SiteServer { BaseInput = SiteServer.Trilingual })
{
    public const string Name = "trilingual site and browser";
}

[CollectionDefinition(TrilingualSiteAndBrowser.Name)]
public sealed class TrilingualCollection : ICollectionFixture<TrilingualSiteAndBrowser>
{
}

/// <summary>A third language is configuration: the root sends a Taiwanese or Hong Kong browser to it, its search shows its results
/// in its own language, and the language switch leads to the other two.</summary>
[Collection(TrilingualSiteAndBrowser.Name)]
public class LanguageTests(TrilingualSiteAndBrowser fixture)
{
    [Theory]
    [InlineData("zh-TW", "zh-hant/")]
    [InlineData("zh-HK", "zh-hant/")]
    [InlineData("zh-CN", "zh/")]
    [InlineData("en-GB", "en/")]
    public async Task The_root_follows_the_browser_language_to_the_right_script(string locale, string expected)
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors, locale: locale);
        await tab.Page.GotoAsync(fixture.Site.Url(""));
        await tab.Page.WaitForURLAsync(fixture.Site.Url(expected), new() { WaitUntil = WaitUntilState.Commit });
        await tab.Page.WaitForSelectorAsync("main h1, main h2");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_traditional_chinese_search_shows_its_result_in_its_language_and_leads_to_its_page()
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors, locale: "zh-TW");
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("zh-hant/search/?q=" + Uri.EscapeDataString("圖書館")), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("#search-list .result");
        await page.WaitForFunctionAsync("!document.getElementById('search-results').hasAttribute('aria-busy')");

        var result = page.Locator("#search-list .result");
        Assert.Equal(1, await result.CountAsync());
        Assert.Equal("zh-Hant", await result.GetAttributeAsync("lang"));
        Assert.Equal("河畔圖書館重新開放", await result.Locator(".result-title a").TextContentAsync());
        Assert.Contains("繁體中文", await result.Locator(".result-meta").TextContentAsync());
        Assert.Contains("2024年3月18日", await result.Locator(".result-meta").TextContentAsync());

        await result.Locator(".result-title a").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/zh-hant/reports/2024/river-library/\?q=[^#]+$"), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync(".lang-switch a");
        Assert.Equal(["简体中文", "English"], await page.Locator(".lang-switch a").AllTextContentsAsync());
        await page.Locator(".lang-switch a", new() { HasText = "English" }).ClickAsync();
        await page.WaitForURLAsync("**/en/reports/2024/river-library/", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("h1");
        Assert.Equal("Riverside Library Reopens", await page.InnerTextAsync("h1"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
