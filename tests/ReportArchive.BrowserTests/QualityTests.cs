using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>Every page type, in both languages: accessible by axe's WCAG A and AA rules in light and dark, free of console
/// errors, and without horizontal scrolling on a 360-pixel phone.</summary>
[Collection(SiteCollection.Name)]
public class QualityTests(SiteAndBrowser fixture)
{
    private static readonly string Screenshots = Path.Combine(SiteServer.Repository, "tests", "ReportArchive.BrowserTests", "TestResults", "screenshots");

    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task Axe_finds_no_violation_in_light_or_dark(string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var errors = new List<string>();
            await using var pageTab = await fixture.OpenAsync(errors, scheme: scheme, locale: PageTypes.LocaleFor(path));
            var page = pageTab.Page;
            await page.GotoAsync(fixture.Site.Url(path));
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] } });
            var violations = result.Violations.Select(v => $"{scheme}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}");
            Assert.Empty(violations);
        }
    }

    [Theory]
    [MemberData(nameof(PageTypes.All), MemberType = typeof(PageTypes))]
    public async Task No_console_errors_and_no_horizontal_scroll_at_360_pixels(string path)
    {
        var errors = new List<string>();
        await using var pageTab = await fixture.OpenAsync(errors, width: 360, locale: PageTypes.LocaleFor(path));
        var page = pageTab.Page;
        await page.GotoAsync(fixture.Site.Url(path));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"{path}: the page is {scroll} pixels wide in a {client}-pixel window");
        errors.RemoveAll(e => path.StartsWith("no-such") && e.Contains("404"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("zh/" + PageTypes.Article, 1280)]
    [InlineData("en/" + PageTypes.Article, 1280)]
    [InlineData("en/" + PageTypes.Article + "#parallel", 1280)]
    [InlineData("en/" + PageTypes.Article + "#parallel", 360)]
    public async Task Screenshots_of_the_article_and_parallel_pages_are_saved(string path, int width)
    {
        await using var pageTab = await fixture.OpenAsync([], width: width);
        var page = pageTab.Page;
        await page.GotoAsync(fixture.Site.Url(path));
        Directory.CreateDirectory(Screenshots);
        var file = Path.Combine(Screenshots, $"{path.Replace('/', '_').Replace('#', '_').Trim('_')}-{width}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000);
    }
}
