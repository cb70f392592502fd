using ReportArchive.Build;
using ReportArchive.Reuse;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>With a memo, a rebuild reads and renders again only what changed, and gives the same files a fresh build gives.</summary>
public class ReuseStoreTests
{
    [Fact]
    public async Task A_rebuild_after_editing_one_report_renders_only_that_report_again()
    {
        using var site = new TestSite("valid", "small");
        var memo = new ReuseStore();
        var settings = site.Settings() with { InMemory = true, Memo = memo };

        var first = await SiteBuild.RunAsync(settings);
        var unchanged = await SiteBuild.RunAsync(settings);
        Assert.Equal(0, memo.Misses);
        Assert.True(memo.Hits >= 2 + 2 + 4, $"{memo.Hits} hits"); // two bundles read, two reports' pages, four list items
        Assert.Equal(Texts(first), Texts(unchanged));

        var zh = Path.Combine(site.Bundle(2022, "chinese-only"), "index.zh.md");
        File.WriteAllText(zh, File.ReadAllText(zh).Replace("只有中文的报道", "改过的报道"));
        File.SetLastWriteTimeUtc(zh, DateTime.UtcNow.AddSeconds(5));
        var edited = await SiteBuild.RunAsync(settings);

        // The bundle, its pages, the four list pages that show it (each language's home page and its year's archive), the
        // items of those lists in each language, its own and report-a's (an item is kept only while a list page needs it, and
        // the unchanged rebuild made no list page), and report-a's pages, whose end links to it by the title that changed.
        // The sitemap is kept: no page came or went.
        Assert.Equal(11, memo.Misses);
        var fresh = await SiteBuild.RunAsync(site.Settings() with { InMemory = true });
        Assert.Equal(Texts(fresh), Texts(edited));
        Assert.Contains("改过的报道", Texts(edited)["zh/reports/2022/chinese-only/index.html"]);
    }

    [Fact]
    public async Task A_theme_change_renders_every_page_again()
    {
        using var site = new TestSite("valid", "small");
        var theme = new TempDirectory();
        TempDirectory.Copy(Paths.Theme, theme.Path);
        var memo = new ReuseStore();
        var settings = site.Settings() with { Theme = theme.Path, InMemory = true, Memo = memo };
        await SiteBuild.RunAsync(settings);
        var everything = memo.Misses;

        File.AppendAllText(Path.Combine(theme.Path, "i18n", "en.yml"), "extra_key: unused\n");
        File.AppendAllText(Path.Combine(theme.Path, "i18n", "zh.yml"), "extra_key: 未用\n");
        var result = await SiteBuild.RunAsync(settings);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(everything, memo.Misses); // nothing made under the old theme is reused
        theme.Dispose();
    }

    /// <summary>With a watcher's report of what changed, a rebuild looks only at the bundles it names, and still gives the files a
    /// fresh build gives, whatever the change: an edit, a new bundle, a bundle removed or renamed, a language file added.</summary>
    [Fact]
    public async Task A_watched_rebuild_reads_only_the_changed_bundles_and_matches_a_fresh_build()
    {
        using var site = new TestSite("valid", "small");
        var (memo, settings) = await Watched(site);

        async Task<BuildResult> Rebuild(params string[] changed)
        {
            foreach (var path in changed)
            {
                memo.Changes.Changed(path);
            }

            var result = await SiteBuild.RunAsync(settings);
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
            Assert.Equal(Texts(await SiteBuild.RunAsync(site.Settings() with { InMemory = true })), Texts(result));
            return result;
        }

        // An edit: the bundle is read again, the other is not even looked at (its files' times are not read).
        var zh = Path.Combine(site.Bundle(2022, "chinese-only"), "index.zh.md");
        File.WriteAllText(zh, File.ReadAllText(zh).Replace("只有中文的报道", "改过的报道"));
        var edited = await Rebuild(zh);
        Assert.Contains("改过的报道", Texts(edited)["zh/reports/2022/chinese-only/index.html"]);

        // A new bundle, then the same bundle renamed, then removed.
        var copy = Path.Combine(site.Input, "reports", "2022", "copied-report");
        TempDirectory.Copy(site.Bundle(2022, "chinese-only"), copy);
        Assert.Contains("zh/reports/2022/copied-report/index.html", Texts(await Rebuild(copy, Path.Combine(copy, "index.zh.md"))).Keys);
        var renamed = Path.Combine(site.Input, "reports", "2022", "renamed-report");
        Directory.Move(copy, renamed);
        var afterRename = Texts(await Rebuild(copy, renamed));
        Assert.Contains("zh/reports/2022/renamed-report/index.html", afterRename.Keys);
        Assert.DoesNotContain("zh/reports/2022/copied-report/index.html", afterRename.Keys);
        Directory.Delete(renamed, recursive: true);
        Assert.DoesNotContain("zh/reports/2022/renamed-report/index.html", Texts(await Rebuild(renamed)).Keys);

        // A translation added to a bundle that had none, then removed.
        var en = Path.Combine(site.Bundle(2022, "chinese-only"), "index.en.md");
        File.WriteAllText(en, "---\ntitle: \"Chinese only, translated\"\n---\n\nThe lead, in English.\n");
        Assert.Equal(0, (await CommandLine.RunAsync("stamp", "chinese-only", "--input", site.Input)).Code);
        Assert.Contains("en/reports/2022/chinese-only/index.html", Texts(await Rebuild(en)).Keys);
        File.Delete(en);
        await Rebuild(en);
    }

    [Fact]
    public async Task A_rebuild_after_lost_changes_looks_at_every_bundle()
    {
        using var site = new TestSite("valid", "small");
        var (memo, settings) = await Watched(site);
        await SiteBuild.RunAsync(settings);

        // Edited without a report of its path: a rebuild told of nothing takes the bundle as it was; told that changes were
        // lost, it looks at every bundle again and finds the edit.
        var zh = Path.Combine(site.Bundle(2022, "chinese-only"), "index.zh.md");
        File.WriteAllText(zh, File.ReadAllText(zh).Replace("只有中文的报道", "改过的报道"));
        File.SetLastWriteTimeUtc(zh, DateTime.UtcNow.AddSeconds(5));
        Assert.DoesNotContain("改过的报道", Texts(await SiteBuild.RunAsync(settings))["zh/reports/2022/chinese-only/index.html"]);
        memo.Changes.Changed(null);
        Assert.Contains("改过的报道", Texts(await SiteBuild.RunAsync(settings))["zh/reports/2022/chinese-only/index.html"]);
    }

    /// <summary>A memo told of every change, as the preview's watcher tells it, after the site's first build (which looks at everything).</summary>
    private static async Task<(ReuseStore Memo, BuildSettings Settings)> Watched(TestSite site)
    {
        var memo = new ReuseStore();
        memo.Changes.Watch();
        var settings = site.Settings() with { InMemory = true, Memo = memo };
        await SiteBuild.RunAsync(settings);
        return (memo, settings);
    }

    private static SortedDictionary<string, string> Texts(BuildResult result) =>
        new(result.Files.Where(f => f.Bytes is not null).ToDictionary(f => f.Path, f => System.Text.Encoding.UTF8.GetString(f.Bytes!)), StringComparer.Ordinal);

    [Fact]
    public async Task Adding_the_missing_photo_clears_the_error_although_the_markdown_did_not_change()
    {
        using var site = new TestSite("invalid", "missing-figure");
        var settings = site.Settings() with { InMemory = true, Memo = new ReuseStore() };
        Assert.Contains((await SiteBuild.RunAsync(settings)).Diagnostics, d => d.Code == "RA140");

        Directory.CreateDirectory(Path.Combine(site.Bundle(2023, "report-a"), "photos"));
        File.WriteAllBytes(Path.Combine(site.Bundle(2023, "report-a"), "photos", "missing.jpg"), PhotoSite.Quadrants(300, 200));

        var result = await SiteBuild.RunAsync(settings);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.Files, f => f.Path.StartsWith("photos/2023/report-a/missing-300."));
    }
}
