using AngleSharp.Html.Parser;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>Properties of every build: deterministic, all or nothing, safe with hostile text, honest about missing translations.</summary>
public class SiteBuildTests
{
    [Fact]
    public async Task The_same_input_builds_the_same_bytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        await SiteBuild.RunAsync(new BuildSettings(Paths.Seed, Paths.Theme, first["site"], null, Cache: first["cache"]));
        await SiteBuild.RunAsync(new BuildSettings(Paths.Seed, Paths.Theme, second["site"], null, Cache: second["cache"]));

        var a = FileTree.Hashes(first["site"]);
        var b = FileTree.Hashes(second["site"]);
        Assert.True(a.Count >= 9, $"only {a.Count} files were built");
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_exactly_as_it_was()
    {
        using var site = new TestSite("valid", "small");
        var good = await site.BuildAsync();
        Assert.True(good.Written);
        var before = FileTree.Hashes(site.Output);

        File.WriteAllText(Path.Combine(site.Bundle(2022, "chinese-only"), "index.zh.md"), "no front matter\n");
        var bad = await site.BuildAsync();

        Assert.True(bad.HasErrors);
        Assert.False(bad.Written);
        Assert.Equal(before, FileTree.Hashes(site.Output));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(site.Output)!, ".output*"));
    }

    [Fact]
    public async Task Pages_and_the_search_index_are_written_as_they_are_made_not_held_in_memory()
    {
        using var site = new TestSite("valid", "small");
        var result = await site.BuildAsync();

        Assert.True(result.Written);
        var pages = result.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && f.Path.Contains("/reports/", StringComparison.Ordinal)).ToList();
        var search = result.Files.Where(f => f.Path.StartsWith("search/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        Assert.NotEmpty(search);
        Assert.All(pages.Concat(search), f => Assert.True(f.Staged && f.Bytes is null, f.Path));
        Assert.All(pages.Concat(search), f => Assert.True(File.Exists(Path.Combine(site.Output, f.Path)), f.Path));
    }

    [Fact]
    public async Task A_rebuild_replaces_the_output_and_removes_files_that_are_gone()
    {
        using var site = new TestSite("valid", "small");
        await site.BuildAsync();
        File.WriteAllText(Path.Combine(site.Output, "stray.html"), "left over");

        await site.BuildAsync();

        Assert.False(File.Exists(Path.Combine(site.Output, "stray.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public async Task A_report_without_translation_has_no_english_page_and_is_marked_chinese_only()
    {
        using var site = new TestSite("valid", "small");
        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.True(File.Exists(Path.Combine(site.Output, "zh/reports/2022/chinese-only/index.html")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "en/reports/2022/chinese-only")));

        var home = new HtmlParser().ParseDocument(site.Read("en/index.html"));
        var item = Assert.Single(home.QuerySelectorAll(".report-list li"), li => li.QuerySelector(".badge") is not null);
        Assert.Equal("Chinese only", item.QuerySelector(".badge")!.TextContent);
        Assert.Equal("/archive/zh/reports/2022/chinese-only/", item.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("zh-Hans", item.QuerySelector("h2")!.GetAttribute("lang"));

        var zhPage = new HtmlParser().ParseDocument(site.Read("zh/reports/2022/chinese-only/index.html"));
        Assert.Null(zhPage.QuerySelector("link[hreflang=en]"));
        Assert.Equal("本报道暂无英文版。", zhPage.QuerySelector(".other-lang")!.TextContent);
        Assert.Null(zhPage.QuerySelector(".modes"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "zh/reports/2022/chinese-only/parallel")));
        Assert.Empty(new BuiltSite(site.Output, "/archive/").BrokenLinks());
    }

    [Fact]
    public async Task The_link_check_finds_a_missing_page()
    {
        using var site = new TestSite("valid", "small");
        await site.BuildAsync();
        File.Delete(Path.Combine(site.Output, "en/reports/2023/report-a/index.html"));

        var problems = new BuiltSite(site.Output, "/archive/").BrokenLinks();

        Assert.Contains(problems, p => p.Contains("/archive/en/reports/2023/report-a/ resolves to no file"));
    }

    [Fact]
    public async Task Hostile_text_in_content_is_shown_as_text_never_as_markup()
    {
        using var site = new TestSite("valid", "small");
        var zh = Path.Combine(site.Bundle(2022, "chinese-only"), "index.zh.md");
        File.WriteAllText(zh, """
            ---
            title: "<img src=x onerror=alert(1)>"
            subtitle: "\"><script>alert(2)</script>"
            date: 2022-11-20
            ---

            正文<script>alert(3)</script>，还有<b onmouseover="alert(4)">粗体</b>。

            [链接](javascript:alert(5))
            """);

        var result = await site.BuildAsync();
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == ReportArchive.Build.Severity.Error);
        Assert.Contains("the link to 'javascript:alert(5)' was removed", DiagnosticAssert.Single(result, "RA124").Message);

        foreach (var path in new[] { "zh/reports/2022/chinese-only/index.html", "zh/index.html", "en/index.html" })
        {
            var page = new HtmlParser().ParseDocument(site.Read(path));
            Assert.Empty(page.QuerySelectorAll("img[src=x], script:not([type='application/ld+json']):not([src*='/assets/site.']), b[onmouseover]"));
            Assert.Empty(page.QuerySelectorAll("[onerror]"));
            Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.GetAttribute("href")?.StartsWith("javascript:") == true);
        }

        var article = new HtmlParser().ParseDocument(site.Read("zh/reports/2022/chinese-only/index.html"));
        Assert.Equal("<img src=x onerror=alert(1)>", article.QuerySelector("h1")!.TextContent);
        Assert.Contains("<script>alert(3)</script>", article.QuerySelector(".lead")!.TextContent);
        var jsonLd = article.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.DoesNotContain("<", jsonLd);
        using var json = System.Text.Json.JsonDocument.Parse(jsonLd);
        Assert.Equal("<img src=x onerror=alert(1)>", json.RootElement.GetProperty("headline").GetString());
    }

    [Fact]
    public async Task A_base_url_given_on_the_command_line_prefixes_every_link()
    {
        using var site = new TestSite("valid", "small");
        await site.BuildAsync("https://owner.github.io/other-repo/");

        var built = new BuiltSite(site.Output, "/other-repo/");
        Assert.Empty(built.BrokenLinks());
        var page = built.Page("en/reports/2023/report-a/");
        Assert.Equal("https://owner.github.io/other-repo/en/reports/2023/report-a/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.StartsWith("/other-repo/assets/site.", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
    }
}
