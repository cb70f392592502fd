using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReportArchive.BrowserTests;

/// <summary>The three-language fixture with a report made to crowd a phone's first screen: a kicker, a long headline and
/// subtitle in each language, ten topics, five sections, a photo, quotation marks and brackets in its first paragraph; the
/// archive names its paper and lists two reports a page.</summary>
public sealed class ReaderSiteAndBrowser() : BrowserFixture(new SiteServer(Reader) { BaseInput = SiteServer.Trilingual })
{
    public const string Name = "reader site and browser";

    public static string Reader => Path.Combine(SiteServer.Repository, "tests", "ReportArchive.Tests", "Fixtures", "reader");

    public const string Article = "reports/2024/old-town-water/";
}

[CollectionDefinition(ReaderSiteAndBrowser.Name)]
public sealed class ReaderCollection : ICollectionFixture<ReaderSiteAndBrowser>
{
}

/// <summary>The reader's page on a phone (390 x 844) first: the story at once, Chinese set from CJK fonts, targets large enough
/// to tap, parallel reading that lasts, search that leads to the words, and an article end that says where the report came
/// from and where to go next.</summary>
[Collection(ReaderSiteAndBrowser.Name)]
public class ReaderTests(ReaderSiteAndBrowser fixture)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    private async Task<Tab> PhoneAsync(List<string> errors, bool javaScript = true)
    {
        var tab = await fixture.OpenAsync(errors, width: PhoneWidth, javaScript: javaScript);
        await tab.Page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        return tab;
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    [InlineData("zh-hant")]
    public async Task The_story_starts_in_the_upper_sixty_percent_of_a_phone_screen(string lang)
    {
        var errors = new List<string>();
        await using var tab = await PhoneAsync(errors);
        await tab.Page.GotoAsync(fixture.Site.Url($"{lang}/{ReaderSiteAndBrowser.Article}"));
        var top = await tab.Page.EvaluateAsync<double>("[...document.querySelectorAll('.lead p')].find(p => p.offsetParent !== null).getBoundingClientRect().top");
        Assert.True(top < PhoneHeight * 0.6, $"{lang}: the first paragraph starts at y = {top}, below {PhoneHeight * 0.6}");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("zh", "SC")]
    [InlineData("zh-hant", "TC")]
    public async Task Chinese_quotation_marks_and_brackets_are_drawn_from_the_CJK_font_of_their_region(string lang, string region)
    {
        var errors = new List<string>();
        await using var tab = await PhoneAsync(errors);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url($"{lang}/{ReaderSiteAndBrowser.Article}"));
        // Each punctuation mark of the first paragraph in an element of its own, so that the fonts of each can be asked for.
        var count = await page.EvaluateAsync<int>("""
            () => {
              const p = [...document.querySelectorAll('.lead p')].find(p => p.offsetParent !== null);
              const marks = /[“”‘’「」『』（）《》，。：]/;
              const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
              const nodes = []; while (walker.nextNode()) nodes.push(walker.currentNode);
              let n = 0;
              for (const node of nodes) {
                for (let i = node.nodeValue.length - 1; i >= 0; i--) {
                  if (!marks.test(node.nodeValue[i])) continue;
                  node.splitText(i + 1);
                  const one = node.splitText(i);
                  const span = document.createElement('span');
                  span.className = 'probe';
                  one.replaceWith(span);
                  span.appendChild(one);
                  n++;
                }
              }
              return n;
            }
            """);
        Assert.True(count >= 6, $"the first paragraph has {count} punctuation marks");

        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = 0 });
        var nodes = await cdp.SendAsync("DOM.querySelectorAll", new() { ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(), ["selector"] = ".probe" });
        var families = new List<string>();
        foreach (var node in nodes!.Value.GetProperty("nodeIds").EnumerateArray())
        {
            var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = node.GetInt32() });
            families.AddRange(fonts!.Value.GetProperty("fonts").EnumerateArray().Select(f => f.GetProperty("familyName").GetString()!));
        }

        Assert.Equal(count, nodes.Value.GetProperty("nodeIds").GetArrayLength());
        Assert.NotEmpty(families);
        Assert.All(families, f => Assert.True(f.Contains("CJK", StringComparison.Ordinal) && f.EndsWith(region, StringComparison.Ordinal), $"{lang}: a mark is drawn from {f}"));
    }

    public static TheoryData<string> Pages() =>
    [
        "", "zh/", "en/page/2/", "zh-hant/", "zh/archive/", "zh/archive/2024/", "zh/departments/", "en/departments/water-bureau/", "zh/topics/",
        "zh-hant/topics/water/", $"zh/{ReaderSiteAndBrowser.Article}", $"en/{ReaderSiteAndBrowser.Article}", $"zh-hant/{ReaderSiteAndBrowser.Article}",
        $"en/{ReaderSiteAndBrowser.Article}#parallel", "zh/search/?q=" + Uri.EscapeDataString("水务局"), "en/search/?q=water", "no-such-page/",
    ];

    /// <summary>WCAG 2.2, 2.5.8: a target is at least 24 x 24 CSS pixels; or a 24-pixel circle centred on it meets no other target
    /// or circle of a small target; or it is a link within a sentence.</summary>
    private const string SmallTargets = """
        () => {
          const targets = [...document.querySelectorAll('a[href], button, input, select, summary')].filter(e => {
            const s = getComputedStyle(e); const r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
          });
          const inSentence = e => getComputedStyle(e).display === 'inline' && e.parentElement.closest('p, li, figcaption, td')
            && e.parentElement.textContent.trim().length > e.textContent.trim().length + 1;
          const box = e => e.getBoundingClientRect();
          const small = targets.filter(e => { const r = box(e); return (r.width < 23.99 || r.height < 23.99) && !inSentence(e); });
          const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
          const circleMeetsRect = (c, r) => { const dx = Math.max(r.left - c[0], 0, c[0] - r.right); const dy = Math.max(r.top - c[1], 0, c[1] - r.bottom); return dx * dx + dy * dy < 144; };
          return small.filter(e => {
            const c = centre(box(e));
            return targets.some(o => o !== e && !o.contains(e) && !e.contains(o) && (circleMeetsRect(c, box(o))
              || (small.includes(o) && Math.hypot(c[0] - centre(box(o))[0], c[1] - centre(box(o))[1]) < 24)));
          }).map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} "${e.textContent.trim().slice(0, 20)}" ${Math.round(box(e).width)}x${Math.round(box(e).height)}`);
        }
        """;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_link_and_button_is_at_least_24_pixels_square_or_spaced_as_wcag_allows(string path)
    {
        foreach (var width in new[] { PhoneWidth, 1366 })
        {
            await using var tab = await fixture.OpenAsync([], width: width, locale: path == "" ? "fr-FR" : "zh-CN");
            await tab.Page.GotoAsync(fixture.Site.Url(path));
            if (path.Contains("search/?q=", StringComparison.Ordinal))
            {
                await tab.Page.WaitForSelectorAsync("#search-list .result");
            }

            var small = await tab.Page.EvaluateAsync<string[]>(SmallTargets);
            Assert.True(small.Length == 0, $"{path} at {width}: " + string.Join("; ", small));
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_violation_on_a_phone_in_light_or_dark(string path)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var errors = new List<string>();
            await using var tab = await fixture.OpenAsync(errors, width: PhoneWidth, scheme: scheme, locale: path == "" ? "fr-FR" : "zh-CN");
            await tab.Page.GotoAsync(fixture.Site.Url(path));
            if (path.Contains("search/?q=", StringComparison.Ordinal))
            {
                await tab.Page.WaitForSelectorAsync("#search-list .result");
            }

            var result = await tab.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag22aa"] } });
            Assert.Empty(result.Violations.Select(v => $"{scheme}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
            errors.RemoveAll(e => path.StartsWith("no-such", StringComparison.Ordinal) && e.Contains("404", StringComparison.Ordinal));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    private const string ParallelShown = "getComputedStyle(document.querySelector('.pair .orig')).display !== 'none'";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Parallel_reading_survives_a_click_on_a_contents_link(bool javaScript)
    {
        var errors = new List<string>();
        await using var tab = await PhoneAsync(errors, javaScript);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url($"en/{ReaderSiteAndBrowser.Article}"));
        Assert.False(await page.EvaluateAsync<bool>(ParallelShown));
        await page.ClickAsync(".modes a.to-parallel");
        Assert.True(await page.EvaluateAsync<bool>(ParallelShown));
        await page.ClickAsync(".toc summary");
        await page.ClickAsync(".toc-parallel a >> nth=2");
        Assert.EndsWith("#parallel-night-work", page.Url);
        Assert.True(await page.EvaluateAsync<bool>(ParallelShown), "the parallel mode ended at a contents link");
        var heading = await page.EvaluateAsync<double>("document.getElementById('night-work').getBoundingClientRect().top");
        Assert.InRange(heading, -1, PhoneHeight / 2);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_search_result_opens_in_parallel_at_its_section_with_the_words_marked_and_the_marks_can_be_cleared()
    {
        var errors = new List<string>();
        await using var tab = await PhoneAsync(errors);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("en/search/?q=corroded"));
        await page.WaitForSelectorAsync("#search-list .result");
        Assert.Contains("corroded", await page.TitleAsync());
        await page.ClickAsync("#search-list a.result-parallel");
        await page.WaitForSelectorAsync("mark.found-word");
        Assert.Contains("#parallel-survey", page.Url);
        Assert.True(await page.EvaluateAsync<bool>(ParallelShown));
        var marked = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('mark.found-word')].map(m => m.textContent)");
        Assert.Equal(["corroded"], marked);
        Assert.Equal("survey", await page.EvaluateAsync<string>("document.querySelector('section.found').getAttribute('aria-labelledby')"));
        var y = await page.EvaluateAsync<double>("document.querySelector('mark.found-word').getBoundingClientRect().top");
        Assert.InRange(y, 0, PhoneHeight);

        await page.ClickAsync(".found-bar button");
        Assert.Equal(0, await page.Locator("mark").CountAsync());
        Assert.DoesNotContain("?q=", page.Url);
        Assert.True(await page.EvaluateAsync<bool>(ParallelShown));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Back_from_a_result_finds_the_results_as_they_were_left()
    {
        var errors = new List<string>();
        await using var tab = await fixture.OpenAsync(errors, width: PhoneWidth);
        var page = tab.Page;
        await page.SetViewportSizeAsync(PhoneWidth, 420);
        await page.GotoAsync(fixture.Site.Url("zh/search/?q=" + Uri.EscapeDataString("区")));
        await page.WaitForSelectorAsync("#search-list .result");
        await page.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");
        await page.WaitForTimeoutAsync(400);
        var (shown, y) = (await page.Locator("#search-list .result").CountAsync(), await page.EvaluateAsync<double>("window.pageYOffset"));
        Assert.True(y > 100, $"the results do not scroll ({y})");
        await page.Locator("#search-list .result-title a").Last.ClickAsync();
        await page.WaitForSelectorAsync("article.report");
        await page.GoBackAsync();
        await page.WaitForSelectorAsync("#search-list .result");
        await page.WaitForFunctionAsync($"Math.abs(window.pageYOffset - {y}) < 4");
        Assert.Equal(shown, await page.Locator("#search-list .result").CountAsync());
        Assert.Contains("区", await page.TitleAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Search_counts_reports_apart_from_the_languages_they_are_found_in()
    {
        await using var tab = await fixture.OpenAsync([]);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("en/search/?q=16"));
        await page.WaitForSelectorAsync("#search-list .result");
        var groups = await page.Locator("#search-list .result").CountAsync();
        var status = await page.TextContentAsync("#search-status");
        Assert.True(groups >= 2, $"{groups} results");
        Assert.Contains("in 1 report", status);
        Assert.Contains($"{groups} language versions", status);
    }

    [Fact]
    public async Task A_browser_without_what_search_needs_is_told_what_it_lacks_and_where_to_browse()
    {
        await using var tab = await fixture.OpenAsync([]);
        var page = tab.Page;
        await page.AddInitScriptAsync("delete window.TextDecoder; delete window.URLSearchParams;");
        await page.GotoAsync(fixture.Site.Url("zh/search/?q=" + Uri.EscapeDataString("水务局")));
        await page.WaitForFunctionAsync("document.getElementById('search-status').textContent.length > 0");
        var status = await page.TextContentAsync("#search-status");
        Assert.Contains("URLSearchParams", status);
        Assert.Contains("TextDecoder", status);
        Assert.True(await page.Locator(".search-browse a").CountAsync() >= 3);
    }

    [Fact]
    public async Task The_article_ends_with_its_source_translator_citation_address_neighbours_and_related_reports()
    {
        await using var tab = await PhoneAsync([]);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url($"en/{ReaderSiteAndBrowser.Article}"));
        Assert.Equal("First published in City Daily, May 8, 2024, page 3", await page.TextContentAsync(".source"));
        Assert.Equal("Translated by Anna Smith", await page.TextContentAsync(".translator"));
        var citation = await page.TextContentAsync(".citation");
        Assert.StartsWith("Chen Chen and Li Ming. “Three Thousand Households", citation);
        Assert.Contains("Translated by Anna Smith. City Daily, May 8, 2024, page 3. https://example.github.io/ReportArchive/en/reports/2024/old-town-water/.", citation);
        Assert.Equal("City Daily", await page.TextContentAsync(".citation i"));
        Assert.Equal(await page.GetAttributeAsync("link[rel=canonical]", "href"), await page.GetAttributeAsync(".permalink", "href"));
        Assert.True(await page.Locator(".related li").CountAsync() is >= 1 and <= 5);
        Assert.Equal(fixture.Site.Url("en/reports/2024/river-library/"), await page.Locator(".neighbours a[rel=next]").EvaluateAsync<string>("a => a.href"));
        Assert.True(await page.Locator("[data-copy]").IsVisibleAsync(), "the copy button is hidden where the clipboard can be written");

        await page.GotoAsync(fixture.Site.Url($"zh/{ReaderSiteAndBrowser.Article}"));
        Assert.Equal("原载《城区日报》2024年5月8日第3版", await page.TextContentAsync(".source"));
        Assert.Equal("陈晨, 李明. 三千户居民告别“黄汤水”：老城区地下管网改造如何啃下最难的一块硬骨头[N/OL]. 城区日报, 2024-05-08(3). https://example.github.io/ReportArchive/zh/reports/2024/old-town-water/.",
            await page.TextContentAsync(".citation"));
    }

    [Fact]
    public async Task A_printed_article_leaves_out_the_controls_and_prints_its_address_and_citation()
    {
        await using var tab = await PhoneAsync([]);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url($"en/{ReaderSiteAndBrowser.Article}"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var control in new[] { ".site-header", ".modes", ".tags", "[data-copy]", ".neighbours", ".related", ".toc" })
        {
            Assert.False(await page.Locator(control).First.IsVisibleAsync(), $"{control} is printed");
        }

        Assert.True(await page.Locator(".citation").IsVisibleAsync());
        Assert.True(await page.Locator(".permalink").IsVisibleAsync());
        Assert.True(await page.Locator(".source").IsVisibleAsync());
    }

    [Fact]
    public async Task A_list_item_is_compact_with_its_label_and_small_photo_and_a_later_page_says_its_number()
    {
        await using var tab = await PhoneAsync([]);
        var page = tab.Page;
        await page.GotoAsync(fixture.Site.Url("zh/"));
        var heights = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('.report-list > li')].map(li => li.getBoundingClientRect().height)");
        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.True(h < 200, $"an item is {h} pixels tall"));
        // A kicker labels its report; without one, its first department does.
        Assert.Equal("老城区供水管网改造一年间", await page.TextContentAsync(".report-list li:first-child .label"));
        Assert.Equal("区文化和旅游局", await page.TextContentAsync(".report-list li:nth-child(2) .label"));
        var thumb = page.Locator(".report-list li:first-child .thumb img");
        Assert.Equal("lazy", await thumb.GetAttributeAsync("loading"));
        await page.GotoAsync(fixture.Site.Url("zh/page/2/"));
        Assert.Equal("全部报道（第2页）", await page.TextContentAsync("main h1"));
        Assert.StartsWith("全部报道（第2页）", await page.TitleAsync());
    }

    [Fact]
    public async Task Two_scripts_of_Chinese_are_named_apart()
    {
        await using var tab = await PhoneAsync([]);
        await tab.Page.GotoAsync(fixture.Site.Url("en/"));
        var names = await tab.Page.EvaluateAsync<string[]>("[...document.querySelectorAll('.lang-switch a')].map(a => a.textContent)");
        Assert.Equal(["简体中文", "繁體中文"], names);
    }

    [Fact]
    public async Task The_reader_pages_are_light()
    {
        await using var tab = await PhoneAsync([]);
        var page = tab.Page;
        var responses = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "document" or "stylesheet" or "script")
            {
                responses.Add(response);
            }
        };
        await page.GotoAsync(fixture.Site.Url($"en/{ReaderSiteAndBrowser.Article}"), new() { WaitUntil = WaitUntilState.NetworkIdle });
        // The article's HTML, CSS and JavaScript as the browser reads them (uncompressed).
        long bytes = 0;
        foreach (var response in responses)
        {
            bytes += (await response.BodyAsync()).Length;
        }

        Assert.Equal(3, responses.Count);
        Assert.InRange(bytes, 1, 50 * 1024);
    }
}
