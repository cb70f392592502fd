using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Hostile;

/// <summary>Hostile cases that a fixture folder cannot hold (symbolic links, huge files, a full disk) or that need the built pages.</summary>
public class HostileFileTests
{
    private const string Photo = "![区财政局举行宣讲活动。](photos/photo.jpg)";

    private static TestSite WithReport(string body = "导语段落。", Action<string>? photos = null)
    {
        var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(Path.Combine(bundle, "photos"));
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 测试报道\ndate: 2023-05-04\ntopics: [education]\n---\n\n{body}\n");
        photos?.Invoke(Path.Combine(bundle, "photos"));
        return site;
    }

    [Fact]
    public async Task A_removed_link_keeps_its_text_once()
    {
        using var site = WithReport("点击 [click me](javascript:alert(1)) 这里。");
        Assert.True((await site.BuildAsync()).Written);
        var paragraph = new BuiltSite(site.Output, "/archive/").Page("zh/reports/2023/report-a/").QuerySelector("article .lead p")!;
        Assert.Equal("点击 click me 这里。", paragraph.TextContent);
        Assert.Empty(paragraph.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task A_photo_that_links_outside_the_archive_is_refused()
    {
        using var outside = new TempDirectory();
        File.WriteAllBytes(outside["secret.jpg"], PhotoSite.Quadrants(64, 48));
        using var site = WithReport(Photo, photos => File.CreateSymbolicLink(Path.Combine(photos, "photo.jpg"), outside["secret.jpg"]));

        var result = await site.BuildAsync();

        var error = DiagnosticAssert.Single(result, "RA143");
        Assert.Equal(7, error.Line);
        Assert.Contains("leads outside input/", error.Message);
        Assert.False(result.Written);
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.GetDirectoryName(site.Output)!, "*.jpg", SearchOption.AllDirectories),
            f => !f.StartsWith(site.Input, StringComparison.Ordinal) && !f.StartsWith(site.Cache, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_device_behind_a_link_is_refused_without_reading_it()
    {
        using var site = WithReport(Photo, photos => File.CreateSymbolicLink(Path.Combine(photos, "photo.jpg"), "/dev/zero"));

        var error = DiagnosticAssert.Single(await site.BuildAsync(), "RA143");

        Assert.Contains("leads outside input/ (to /dev/zero)", error.Message);
    }

    [Fact]
    public async Task A_report_folder_that_links_outside_the_archive_is_refused()
    {
        using var outside = new TempDirectory();
        File.WriteAllText(outside["index.zh.md"], "---\ntitle: 外面的报道\ndate: 2023-05-04\nslug: outside\n---\n\n不该发布。\n");
        using var site = WithReport();
        Directory.CreateSymbolicLink(site.Bundle(2023, "outside"), outside.Path);

        var result = await site.BuildAsync();

        Assert.Contains(result.Diagnostics, d => d.Code == "RA107" && d.File.EndsWith("outside/index.zh.md", StringComparison.Ordinal) && d.Message.Contains("leads outside input/"));
        Assert.False(result.Written);
    }

    [Fact]
    public async Task A_huge_photo_is_refused_from_its_size_before_it_is_read()
    {
        using var site = WithReport(Photo, photos =>
        {
            using var file = File.Create(Path.Combine(photos, "photo.jpg"));
            file.SetLength(1_500_000_000); // sparse: no disk used, and never read
        });

        var error = DiagnosticAssert.Single(await site.BuildAsync(), "RA143");

        Assert.Contains("is 1430.5 MB, more than the 100 MB a file may have here", error.Message);
    }

    [Fact]
    public async Task Photo_names_that_clash_or_carry_commas_and_spaces_publish_working_srcsets()
    {
        var jpeg = PhotoSite.Quadrants(64, 48);
        using var site = WithReport("![甲](photos/x.jpg)\n\n![乙](photos/x.jpeg)\n\n![丙](<photos/a, b c.jpg>)", photos =>
        {
            File.WriteAllBytes(Path.Combine(photos, "x.jpg"), jpeg);
            File.WriteAllBytes(Path.Combine(photos, "x.jpeg"), jpeg);
            File.WriteAllBytes(Path.Combine(photos, "a, b c.jpg"), jpeg);
        });

        var result = await site.BuildAsync();

        Assert.True(result.Written, string.Join("\n", result.Diagnostics));
        var built = new BuiltSite(site.Output, "/archive/");
        Assert.Empty(built.BrokenLinks());
        var sources = built.Page("zh/reports/2023/report-a/").QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).ToList();
        Assert.Equal(3, sources.Distinct().Count());
        Assert.All(sources, s => Assert.DoesNotMatch("[ ,]", s));
    }

    [Fact]
    public async Task A_topic_key_ending_in_en_keeps_it_in_the_other_languages_address()
    {
        using var site = WithReport();
        File.WriteAllText(Path.Combine(site.Input, "taxonomy.yml"),
            File.ReadAllText(Path.Combine(site.Input, "taxonomy.yml")) + "  children:\n    zh: 儿童\n    en: Children\n");
        File.WriteAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md"),
            File.ReadAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md")).Replace("[education]", "[education, children]"));

        Assert.True((await site.BuildAsync()).Written);

        var page = new BuiltSite(site.Output, "/archive/").Page("en/topics/children/");
        Assert.Equal("https://example.org/archive/zh/topics/children/", page.QuerySelector("link[hreflang='zh-Hans']")!.GetAttribute("href"));
        Assert.Empty(new BuiltSite(site.Output, "/archive/").BrokenLinks());
    }

    [Fact]
    public async Task An_output_that_is_a_file_is_an_environment_failure_in_one_line()
    {
        using var site = WithReport();
        Directory.CreateDirectory(Path.GetDirectoryName(site.Output)!);
        File.WriteAllText(site.Output, "not a folder");

        var (code, _, error) = await CommandLine.RunAsync("build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--cache", site.Cache);

        Assert.Equal(ExitCodes.Failure, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error RA900: ", line);
        Assert.Contains("is a file, not a folder", line);
        Assert.Equal("not a folder", File.ReadAllText(site.Output));
    }

    [Fact]
    public async Task What_a_killed_build_left_is_removed_or_mended_by_the_next_and_the_swap_keeps_an_output()
    {
        using var site = WithReport();
        Assert.True((await site.BuildAsync()).Written);
        var parent = Path.GetDirectoryName(site.Output)!;
        foreach (var leftover in new[] { ".output.staging", ".output.old", ".output.staging-4242", ".output.old-4242" })
        {
            Directory.CreateDirectory(Path.Combine(parent, leftover, "zh"));
            File.WriteAllText(Path.Combine(parent, leftover, "zh", "index.html"), "half written");
        }

        File.AppendAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md"), "\n新的一段。\n");
        Assert.True((await site.BuildAsync()).Written);

        // The old and process-named leftovers are gone; the staging folder is now the spare (the previous site, whole), its
        // half-written file mended by the build that brought it up to date before the swap.
        Assert.Equal(["output", ".output.staging"], Directory.EnumerateDirectories(parent).Select(Path.GetFileName).Where(n => n!.Contains("output")).Order().Reverse());
        Assert.Contains("新的一段。", File.ReadAllText(Path.Combine(site.Output, "zh", "reports", "2023", "report-a", "index.html")));
        Assert.DoesNotContain("half written", File.ReadAllText(Path.Combine(parent, ".output.staging", "zh", "index.html")));
        Assert.DoesNotContain("新的一段。", File.ReadAllText(Path.Combine(parent, ".output.staging", "zh", "reports", "2023", "report-a", "index.html")));
    }

    [Fact]
    public async Task A_full_disk_leaves_the_previous_site_whole_and_says_so()
    {
        using var site = WithReport();
        var disk = Path.Combine(Path.GetDirectoryName(site.Output)!, "small");
        Directory.CreateDirectory(disk);
        var mount = Processes.Run("mount", $"-t tmpfs -o size=4m tmpfs {disk}", disk);
        Assert.True(mount.Code == 0, "this test mounts a small tmpfs as root: " + mount.Output);
        try
        {
            var output = Path.Combine(disk, "site");
            string[] build = ["build", "--input", site.Input, "--theme", Paths.Theme, "--output", output, "--cache", site.Cache];
            Assert.Equal(ExitCodes.Success, (await CommandLine.RunAsync(build)).Code);
            var before = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);
            Fill(Path.Combine(disk, "filler"));
            File.AppendAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md"), "\n新的一段。\n");

            var (code, _, error) = await CommandLine.RunAsync(build);

            Assert.Equal(ExitCodes.Failure, code);
            Assert.StartsWith("error RA900: No space left on device", error);
            Assert.Equal(before.Keys.Order(), Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order());
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
            Assert.Equal(["site"], Directory.EnumerateDirectories(disk).Select(Path.GetFileName));
            File.Delete(Path.Combine(disk, "filler"));
            var again = await CommandLine.RunAsync(build);
            Assert.True(again.Code == ExitCodes.Success, again.Err);
        }
        finally
        {
            Processes.Run("umount", disk, Path.GetTempPath());
        }
    }

    /// <summary>Writes a file until the disk is full, then leaves it there.</summary>
    private static void Fill(string path)
    {
        using var file = File.Create(path);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                file.Write(block);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // full
        }
    }
}
