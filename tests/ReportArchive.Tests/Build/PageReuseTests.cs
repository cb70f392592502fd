using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>A build over a site it built before takes a report's pages as the spare holds them when the last build made them
/// under the same key (program, site inputs, the bundle's files, its photos), instead of rendering them again; what it makes is
/// the site a build into an empty folder makes, whatever was changed, damaged or left half-done in between.</summary>
public class PageReuseTests
{
    /// <summary>A test site with settled files, built three times: the first build keeps the bundles, the second fills the
    /// spare, the third takes every report's pages from it.</summary>
    private static async Task<TestSite> BuiltThrice(Func<TestSite, BuildSettings>? settings = null)
    {
        var site = new TestSite("trilingual");
        FileTree.Settle(site.Input);
        Directory.CreateDirectory(site.Output);
        settings ??= s => s.Settings();
        await SiteBuild.RunAsync(settings(site));
        await SiteBuild.RunAsync(settings(site));
        var third = await SiteBuild.RunAsync(settings(site));
        Assert.Equal(2, third.ReportsKept);
        Assert.Equal(0, third.Writes!.Written);
        // The list pages too: more pages taken than the reports' own.
        Assert.True(third.PagesKept > PagesOf(site, "night-market") + PagesOf(site, "river-library"), $"{third.PagesKept} taken");
        return site;
    }

    /// <summary>How many pages of the site are a report's own (its articles and its parallel pages' old addresses).</summary>
    private static int PagesOf(TestSite site, string slug) =>
        Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories).Count(f => f.Contains($"{Path.DirectorySeparatorChar}{slug}{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Spare(TestSite site) => Path.Combine(Path.GetDirectoryName(site.Output)!, ".output.staging");

    /// <summary>The manifests the build keeps for the site's output folder.</summary>
    private static string Manifests(TestSite site) => Directory.GetDirectories(Path.Combine(site.Cache, "output")).Single();

    [Fact]
    public async Task An_edited_report_is_rendered_again_and_the_other_is_taken_from_the_spare()
    {
        using var site = await BuiltThrice();
        var original = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("八十个摊位", "九十个摊位", StringComparison.Ordinal));
        FileTree.Settle(site.Bundle(2023, "night-market"));

        var edited = await site.BuildAsync();

        Assert.Equal(1, edited.ReportsKept);
        // The lists that do not show the edited report (the 2024 archive in each language) are taken as well.
        Assert.True(edited.PagesKept > PagesOf(site, "river-library"), $"{edited.PagesKept} taken");
        Assert.True(edited.PagesKept < edited.Pages);
        Assert.Contains("九十个摊位", site.Read("zh/reports/2023/night-market/index.html"));
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
        // The sitemap still lists the pages taken from the spare, with their dates.
        Assert.Contains("/reports/2024/river-library/", site.Read("sitemap.xml"));

        // The spare now lags one build behind: the next build finds the edited report's pages in it as they were before the
        // edit, and renders them again; the other report's pages it takes.
        var next = await site.BuildAsync();
        Assert.Equal(1, next.ReportsKept);
        var after = await site.BuildAsync();
        Assert.Equal(2, after.ReportsKept);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public async Task A_file_changed_within_the_settling_time_is_never_taken_on_trust()
    {
        using var site = await BuiltThrice();
        var original = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("八十个摊位", "九十个摊位", StringComparison.Ordinal));

        // Written just now: its time may not show the next change, so its pages are rendered on every build until it settles.
        Assert.Equal(1, (await site.BuildAsync()).ReportsKept);
        Assert.Equal(1, (await site.BuildAsync()).ReportsKept);
        File.WriteAllText(original, File.ReadAllText(original).Replace("九十个摊位", "七十个摊位", StringComparison.Ordinal));
        Assert.Equal(1, (await site.BuildAsync()).ReportsKept);
        Assert.Contains("七十个摊位", site.Read("zh/reports/2023/night-market/index.html"));
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public async Task A_replaced_photo_renders_its_reports_pages_again()
    {
        using var site = await BuiltThrice();
        var photo = Path.Combine(site.Bundle(2024, "river-library"), "photos", "reading-room.jpg");
        File.WriteAllBytes(photo, PhotoSite.Quadrants(640, 480));
        FileTree.Settle(site.Bundle(2024, "river-library"));

        var result = await site.BuildAsync();

        Assert.Equal(1, result.ReportsKept);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public async Task A_changed_theme_renders_every_report_again()
    {
        using var theme = new TempDirectory();
        TempDirectory.Copy(Paths.Theme, theme.Path);
        using var site = await BuiltThrice(s => s.Settings() with { Theme = theme.Path });
        var layout = Path.Combine(theme.Path, "layouts", "article.liquid");
        File.AppendAllText(layout, "\n<p class=\"colophon\">colophon</p>\n");

        var result = await SiteBuild.RunAsync(site.Settings() with { Theme = theme.Path });

        Assert.Equal(0, result.ReportsKept);
        Assert.Contains("colophon", site.Read("zh/reports/2023/night-market/index.html"));
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings() with { Theme = theme.Path }));
    }

    [Fact]
    public async Task A_page_changed_in_the_spare_is_made_again()
    {
        using var site = await BuiltThrice();
        // Same size, other bytes, a new time: the manifest no longer describes the file.
        var page = Path.Combine(Spare(site), "zh", "reports", "2024", "river-library", "index.html");
        var bytes = File.ReadAllBytes(page);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(page, bytes);
        File.Delete(Path.Combine(Spare(site), "en", "reports", "2023", "night-market", "index.html"));

        var result = await site.BuildAsync();

        Assert.Equal(0, result.ReportsKept);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Theory]
    [InlineData("killed after writing the next manifest")]
    [InlineData("killed while writing the spare")]
    [InlineData("manifest damaged")]
    public async Task A_manifest_not_known_to_describe_the_folders_is_not_trusted(string what)
    {
        using var site = await BuiltThrice();
        var manifests = Manifests(site);
        var page = Path.Combine(Spare(site), "zh", "index.html");
        var bytes = File.ReadAllBytes(page);
        bytes[bytes.Length / 2] ^= 0x20;
        switch (what)
        {
            case "killed after writing the next manifest":
                // The swap may or may not have happened: which manifest describes which folder is not known.
                File.Copy(Path.Combine(manifests, "current.bin"), Path.Combine(manifests, "next.bin"));
                break;
            case "killed while writing the spare":
                // A killed build took the spare's manifest away before it wrote into the spare, and left a file half-changed
                // with its old time.
                File.Delete(Path.Combine(manifests, "spare.bin"));
                var time = File.GetLastWriteTimeUtc(page);
                File.WriteAllBytes(page, bytes);
                File.SetLastWriteTimeUtc(page, time);
                break;
            default:
                var current = Path.Combine(manifests, "current.bin");
                var manifest = File.ReadAllBytes(current);
                manifest[manifest.Length / 3] ^= 0x01;
                File.WriteAllBytes(current, manifest);
                File.WriteAllBytes(Path.Combine(manifests, "spare.bin"), manifest);
                break;
        }

        var result = await site.BuildAsync();

        Assert.Equal(0, result.ReportsKept);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
        Assert.False(File.Exists(Path.Combine(manifests, "next.bin")));
        // Trusted again once a build has written it for the folder that is now the spare.
        await site.BuildAsync();
        Assert.Equal(2, (await site.BuildAsync()).ReportsKept);
    }

    [Fact]
    public async Task A_removed_report_takes_its_pages_with_it()
    {
        using var site = await BuiltThrice();
        Directory.Delete(site.Bundle(2023, "night-market"), recursive: true);

        var result = await site.BuildAsync();

        // The other report's end linked to it (as its older neighbour and related report): it is made again, without the link.
        Assert.Equal(0, result.ReportsKept);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "zh", "reports", "2023")));
        Assert.DoesNotContain("night-market", File.ReadAllText(Path.Combine(site.Output, "zh", "reports", "2024", "river-library", "index.html")));
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }
}
