using ReportArchive.Output;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>A build over an existing site writes only the files whose bytes changed and removes only the files that are gone,
/// into the spare tree the last build left, then swaps it in: the result is the same bytes a build into an empty folder gives.</summary>
public class IncrementalWriteTests
{
    [Fact]
    public async Task An_unchanged_archive_writes_nothing_and_one_edit_writes_only_what_it_changed()
    {
        using var site = new TestSite("trilingual");
        var first = await site.BuildAsync();
        Assert.Equal(first.Files.Count, first.Writes!.Written);
        await site.BuildAsync(); // the first build left no spare: this one writes everything once more, into a new one

        var unchanged = await site.BuildAsync();
        Assert.Equal((0, first.Files.Count, 0), (unchanged.Writes!.Written, unchanged.Writes.Unchanged, unchanged.Writes.Removed));

        var original = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("八十个摊位", "九十个摊位", StringComparison.Ordinal));
        var edited = await site.BuildAsync();

        // The report's pages, the lists and feeds that show its lead, the search index's files that hold its words (under new
        // names); the sitemap is unchanged.
        Assert.InRange(edited.Writes!.Written, 5, first.Files.Count / 2);
        Assert.True(edited.Writes.Unchanged > first.Files.Count / 2);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
        Assert.Contains("九十个摊位", File.ReadAllText(Path.Combine(site.Output, "zh", "reports", "2023", "night-market", "index.html")));
    }

    [Fact]
    public async Task An_edit_renames_only_the_search_files_it_changes()
    {
        using var site = new TestSite("trilingual");
        await site.BuildAsync();
        var search = Path.Combine(site.Output, "search");
        var before = Directory.EnumerateFiles(search).Select(Path.GetFileName).ToHashSet();

        var original = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("八十个摊位", "九十个摊位", StringComparison.Ordinal));
        await site.BuildAsync();

        var after = Directory.EnumerateFiles(search).Select(Path.GetFileName).ToHashSet();
        var kept = after.Intersect(before).Count(n => n != "index.json");
        Assert.True(kept > after.Count / 2, $"{kept} of {after.Count} kept");
        Assert.NotEqual(before, after);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public async Task A_report_removed_takes_its_files_with_it_and_nothing_else()
    {
        using var site = new TestSite("trilingual");
        await site.BuildAsync();
        await site.BuildAsync();
        Directory.Delete(site.Bundle(2023, "night-market"), recursive: true);

        var result = await site.BuildAsync();

        Assert.True(result.Writes!.Removed >= 5, $"{result.Writes.Removed} removed");
        Assert.False(Directory.Exists(Path.Combine(site.Output, "zh", "reports", "2023")));
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public async Task A_spare_damaged_by_a_killed_build_is_mended_and_the_result_is_whole()
    {
        using var site = new TestSite("trilingual");
        await site.BuildAsync();
        await site.BuildAsync();
        var spare = Path.Combine(Path.GetDirectoryName(site.Output)!, ".output.staging");
        Assert.True(Directory.Exists(spare));
        // What a build killed half-way leaves: a file cut short, a file of the same size with other bytes, one missing, one stray.
        var article = Path.Combine(spare, "zh", "reports", "2024", "river-library", "index.html");
        File.WriteAllText(article, File.ReadAllText(article)[..100]);
        var list = Path.Combine(spare, "en", "index.html");
        var bytes = File.ReadAllBytes(list);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(list, bytes);
        File.Delete(Path.Combine(spare, "sitemap.xml"));
        File.WriteAllText(Path.Combine(spare, "stray.html"), "left by a killed build");

        var result = await site.BuildAsync();

        Assert.True(result.Written);
        Assert.Equal(3, result.Writes!.Written);
        Assert.Equal(1, result.Writes.Removed);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public void The_spare_s_folders_unchanged_since_its_manifest_are_taken_as_recorded_and_the_others_are_read()
    {
        var top = Directory.CreateTempSubdirectory("spare-").FullName;
        try
        {
            string[] recorded = ["index.html", "zh/index.html", "zh/reports/a/index.html", "en/index.html"];
            foreach (var path in recorded)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(top, path))!);
                File.WriteAllText(Path.Combine(top, path), path);
            }

            // Put into en/ before the manifest's time: en/ is taken as recorded (this is how a folder is known not to be read).
            File.WriteAllText(Path.Combine(top, "en", "before.html"), "x");
            Thread.Sleep(50);
            var written = DateTime.UtcNow + ReportArchive.Sources.FileTimes.Settle;
            Thread.Sleep(50);
            // Changed after it: a file beside recorded ones, a folder no manifest names, a recorded file removed.
            File.WriteAllText(Path.Combine(top, "zh", "reports", "a", "stray.html"), "x");
            Directory.CreateDirectory(Path.Combine(top, "new", "deep"));
            File.WriteAllText(Path.Combine(top, "new", "deep", "stray.html"), "x");
            File.Delete(Path.Combine(top, "zh", "index.html"));

            var held = SpareFiles.Held(top, (recorded, written.Ticks))!;

            Assert.Equal(["en/index.html", "index.html", "new/deep/stray.html", "zh/reports/a/index.html", "zh/reports/a/stray.html"], held.Order(StringComparer.Ordinal));
            // Without a manifest, or with one older than every change, the whole folder is read.
            string[] everything = ["en/before.html", "en/index.html", "index.html", "new/deep/stray.html", "zh/reports/a/index.html", "zh/reports/a/stray.html"];
            Assert.Equal(everything, SpareFiles.Held(top)!.Order(StringComparer.Ordinal));
            Assert.Equal(everything, SpareFiles.Held(top, (recorded, DateTime.UtcNow.AddHours(-1).Ticks))!.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(top, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_put_into_the_site_by_hand_is_gone_two_builds_later_when_the_spare_s_folders_are_taken_as_recorded()
    {
        using var site = new TestSite("trilingual");
        await site.BuildAsync();
        await site.BuildAsync();
        // Each folder now stands as the build two back left it, and its manifest was written more than the settling time later.
        Thread.Sleep(ReportArchive.Sources.FileTimes.Settle + TimeSpan.FromMilliseconds(300));
        await site.BuildAsync();
        await site.BuildAsync();
        var stray = Path.Combine(site.Output, "zh", "reports", "2023", "stray.html");
        File.WriteAllText(stray, "put here by hand");

        await site.BuildAsync(); // the folder with the stray file becomes the spare
        var result = await site.BuildAsync();

        Assert.False(File.Exists(stray));
        Assert.Equal(1, result.Writes!.Removed);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }
}
