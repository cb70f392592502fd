using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>The seed site plus a report written entirely of payloads (script tags, event attributes, script addresses in
/// links, autolinks, references and attributes in braces, template syntax, a JSON-LD breaker), served and used in Chromium.</summary>
public sealed class PayloadSiteAndBrowser() : BrowserFixture(new SiteServer(Path.Combine(SiteServer.Repository, "tests", "ReportArchive.Tests", "Fixtures", "payloads")))
{
    public const string Name = "payload site and browser";
}

[CollectionDefinition(PayloadSiteAndBrowser.Name)]
public sealed class PayloadCollection : ICollectionFixture<PayloadSiteAndBrowser>
{
}

/// <summary>A reader who searches for the payload report, opens it in both languages and side by side, hovers and clicks through
/// everything on it, meets no dialog and no script error, and finds no event attribute or script address in any page.</summary>
[Collection(PayloadSiteAndBrowser.Name)]
public class PayloadTests(PayloadSiteAndBrowser fixture)
{
    private const string Unsafe = """
        () => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
            .filter(a => a.name.startsWith('on') || (['href', 'src', 'action', 'formaction'].includes(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\t\n\r]/g, ''))))
            .map(a => `<${e.localName} ${a.name}="${a.value}">`))
            .concat([...document.querySelectorAll('iframe, object, embed')].map(e => `<${e.localName}>`))
            .concat([...document.scripts].filter(s => !s.src && s.type !== 'application/ld+json' && location.pathname !== '/ReportArchive/').map(s => '<script>' + s.text))
        """;

    [Fact]
    public async Task Pages_made_of_payloads_run_nothing_when_searched_opened_hovered_and_clicked_through()
    {
        var errors = new List<string>();
        var dialogs = new List<string>();
        var unsafeMarkup = new List<string>();
        await using var tab = await fixture.OpenAsync(errors);
        var page = tab.Page;
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };

        async Task Inspect()
        {
            unsafeMarkup.AddRange((await page.EvaluateAsync<string[]>(Unsafe)).Select(m => $"{page.Url}: {m}"));
            foreach (var element in await page.Locator("h1:visible, .subtitle:visible, .byline:visible, article p:visible, article h2:visible").AllAsync())
            {
                await element.HoverAsync(new() { Force = true, Timeout = 2000 });
            }
        }

        // Search for it, as a reader would, and follow the first result.
        await page.GotoAsync(fixture.Site.Url("zh/search/?q=" + Uri.EscapeDataString("有效载荷")));
        await page.WaitForSelectorAsync("#search-list .result");
        await Inspect();
        await page.Locator("#search-list .result .result-title a").First.ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/reports/2024/payloads/\?q=[^#]+$"), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("h1");
        Assert.Contains("<img src=x onerror=alert('title')>", await page.TextContentAsync("h1"));

        // Every page of the report, then every link on them, clicked.
        foreach (var path in new[] { "zh/reports/2024/payloads/", "en/reports/2024/payloads/", "en/reports/2024/payloads/#parallel", "zh/", "en/" })
        {
            await page.GotoAsync(fixture.Site.Url(path));
            await Inspect();
        }

        await page.GotoAsync(fixture.Site.Url("zh/reports/2024/payloads/"));
        var links = await page.Locator("article a").AllAsync();
        Assert.NotEmpty(links);
        for (var i = 0; i < links.Count; i++)
        {
            await page.GotoAsync(fixture.Site.Url("zh/reports/2024/payloads/"));
            var link = page.Locator("article a").Nth(i);
            // Each link navigates: to another page, to this one again, or within it (a fragment).
            var target = new Uri(new Uri(page.Url), await link.GetAttributeAsync("href")).ToString();
            if (!target.StartsWith(fixture.Site.Origin, StringComparison.Ordinal))
            {
                // The permanent address, on the site's public host: not followed from here, only checked to be an https address.
                Assert.StartsWith("https://example.github.io/ReportArchive/", target);
                continue;
            }

            await link.ClickAsync(new() { Timeout = 5000 });
            await page.WaitForURLAsync(target, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            await Inspect();
        }

        Assert.True(dialogs.Count == 0, string.Join("\n", dialogs));
        Assert.True(unsafeMarkup.Count == 0, string.Join("\n", unsafeMarkup));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
