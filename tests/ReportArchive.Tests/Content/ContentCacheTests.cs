using System.Reflection;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Reuse;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Content;

/// <summary>Bundles kept between builds in the cache folder: a build reads again only the bundles whose files changed, and makes
/// the same site and the same diagnostics as a build that read everything.</summary>
public class ContentCacheTests
{
    /// <summary>Every fixture folder that holds bundles, valid or not.</summary>
    public static TheoryData<string> Fixtures =>
    [
        .. Directory.EnumerateDirectories(Paths.Fixtures, "reports", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(Paths.Fixtures, Path.GetDirectoryName(d)!))
            .Where(d => !d.StartsWith("import", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_bundle_reads_back_as_it_was_written(string fixture)
    {
        var languages = LanguageSet.Default;
        var bundles = ReportLoader.FindBundles(Paths.Fixture(fixture), languages).ToList();
        Assert.NotEmpty(bundles);
        foreach (var bundle in bundles)
        {
            var diagnostics = new List<Diagnostic>();
            var report = ReportLoader.Load(bundle, languages, diagnostics);
            var bytes = ContentFormat.WriteBundle((report, diagnostics));
            var (again, againDiagnostics) = ContentFormat.ReadBundle(bytes);

            Assert.Equal(diagnostics, againDiagnostics);
            Assert.Equal(report is null, again is null);
            Assert.Equal(bytes, ContentFormat.WriteBundle((again, againDiagnostics)));
            if (report is not null)
            {
                Assert.Equal(Describe(report), Describe(again!));
            }
        }
    }

    [Fact]
    public void A_report_with_every_field_set_reads_back_whole()
    {
        var front = new FrontMatter("标题", "副题", new DateOnly(2024, 2, 29), true, "记者 林晓", [("culture-bureau", 6)], [("children", 9), ("public-service", 10)],
            "a-slug", [("head", "bef046b59948", 5)], System.Collections.Immutable.ImmutableDictionary<string, int>.Empty.Add("title", 2).Add("date", 4))
        {
            Kicker = "引题",
            Page = "第3版",
        };
        Block[] lead = [new Paragraph(12, "<p><em>重点</em> &amp; 其他</p>", "重点 & 其他"), new Paragraph(14, "<p>纯文本 &lt;</p>", "纯文本 <"),
            new Figure(16, "photos/a.jpg", "图注") { Credit = "新华社发" }, new Untranslated(18, "![x](photos/b.jpg)")];
        var translation = new Translation("zh", "reports/2024/a/index.zh.md", front, [.. lead], [new Section("one", "第一节", 20, [new Untranslated(22, "原文")])]);
        var english = translation with { Lang = "en", Front = front with { Date = null, Kicker = null, Page = null, Title = null } };
        var report = new Report("reports/2024/a", "a-slug", new DateOnly(2024, 2, 29), true, ["culture-bureau"], ["children"], [translation, english]);
        List<Diagnostic> diagnostics = [Diagnostic.Warning("RA172", "reports/2024/a/index.en.md", 6, "stale", 3), Diagnostic.Error("RA130", "x", 1, "no original")];

        var (again, againDiagnostics) = ContentFormat.ReadBundle(ContentFormat.WriteBundle((report, diagnostics)));
        Assert.Equal(Describe(report), Describe(again!));
        Assert.Equal(diagnostics, againDiagnostics);
        Assert.Equal("<p><em>重点</em> &amp; 其他</p>", ((Paragraph)again!.Original.Lead[0]).Html);
        Assert.Equal("新华社发", ((Figure)again.Original.Lead[2]).Credit);
        Assert.Null(again.Files[1].Front.Date);
    }

    // The front matter's lines are described in order on their own: the record's text would name the dictionary's type.
    private static readonly Dictionary<string, int> NoLines = [];

    /// <summary>Every field of a report, as text, read through the public properties.</summary>
    private static string Describe(Report report) =>
        string.Join("\n", [
            $"{report.Directory}|{report.Slug}|{report.Date}|{report.DateInferred}|{string.Join(",", report.Departments)}|{string.Join(",", report.Topics)}",
            .. report.Files.Select(t => string.Join("\n", [
                $"{t.Lang}|{t.File}|{t.Front with { Lines = NoLines }}|{string.Join(",", t.Front.Departments)}|{string.Join(",", t.Front.Topics)}|{string.Join(",", t.Front.TranslationOf)}|{string.Join(",", t.Front.Lines.OrderBy(l => l.Key))}|{t.Front.Kicker}|{t.Front.Page}",
                .. t.Lead.Select(Block),
                .. t.Sections.SelectMany(s => s.Blocks.Select(Block).Prepend($"## {s.Id}|{s.Heading}|{s.Line}")),
            ])),
        ]);

    private static string Block(Block block) => block switch
    {
        Paragraph p => $"p {p.Line}|{p.Text}|{p.Html}",
        Figure f => $"f {f.Line}|{f.Source}|{f.Caption}|{f.Credit}",
        Untranslated u => $"u {u.Line}|{u.Original}",
        _ => throw new InvalidOperationException(),
    };

    [Fact]
    public void The_format_knows_every_property_of_the_parsed_form()
    {
        // A property added to these types must be written by ContentFormat (or be derived from what is), then listed here.
        var expected = new Dictionary<Type, string[]>
        {
            [typeof(Report)] = ["Directory", "Slug", "Date", "DateInferred", "Departments", "Topics", "Files",
                "FileState", "Serial", "Original", "HasFigures", "Translations", "Published", "IsTranslated", "Year"],
            [typeof(Translation)] = ["Lang", "File", "Front", "Lead", "Sections", "Title", "UntranslatedSlots", "Figures"],
            [typeof(FrontMatter)] = ["Title", "Subtitle", "Date", "DateInferred", "Byline", "Departments", "Topics", "Slug", "TranslationOf", "Lines", "Kicker", "Page", "Paper", "Translator", "Drafts"],
            [typeof(Section)] = ["Id", "Heading", "Line", "Blocks", "Paragraphs", "Figures"],
            [typeof(Paragraph)] = ["Line", "Text", "Html"],
            [typeof(Figure)] = ["Line", "Source", "Caption", "Credit"],
            [typeof(Untranslated)] = ["Line", "Original", "IsFigure"],
            [typeof(Diagnostic)] = ["Severity", "Code", "File", "Line", "Column", "Message"],
        };
        foreach (var (type, names) in expected)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(names.Order(StringComparer.Ordinal), properties);
        }
    }

    [Fact]
    public async Task A_second_build_reads_no_unchanged_bundle_and_makes_the_same_site()
    {
        using var site = Settled("trilingual");
        var first = await site.BuildAsync();
        Assert.Equal(0, first.BundlesKept);
        Assert.Equal(2, first.BundlesRead);
        var built = FileTree.Hashes(site.Output);

        var second = await site.BuildAsync();
        Assert.Equal(2, second.BundlesKept);
        Assert.Equal(0, second.BundlesRead);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(built, FileTree.Hashes(site.Output));
    }

    [Fact]
    public async Task An_edited_bundle_is_read_again_and_the_others_are_not()
    {
        using var site = Settled("trilingual");
        await site.BuildAsync();
        var file = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.WriteAllText(file, File.ReadAllText(file).Replace("夜市", "晚市", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-30));

        var result = await site.BuildAsync();
        Assert.Equal((1, 1), Counts(result));
        Assert.Contains("晚市", site.Read("zh/reports/2023/night-market/index.html"));
        Assert.DoesNotContain("夜市", site.Read("zh/reports/2023/night-market/index.html"));
    }

    [Fact]
    public async Task Files_with_new_times_are_read_again_once_then_kept_under_those_times()
    {
        using var site = Settled("trilingual");
        await site.BuildAsync();
        var built = FileTree.Hashes(site.Output);
        FileTree.SetTimes(site.Input, DateTime.UtcNow.AddMinutes(-20));

        var again = await site.BuildAsync();
        Assert.Equal((0, 2), Counts(again));
        Assert.Equal(built, FileTree.Hashes(site.Output));
        var last = await site.BuildAsync();
        Assert.Equal((2, 0), Counts(last));
    }

    [Fact]
    public async Task A_file_changed_moments_ago_is_not_trusted_to_keep_its_time()
    {
        using var site = Settled("trilingual");
        await site.BuildAsync();
        var file = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.AppendAllText(file, "\n新加的一段。\n");

        // Read, and not kept while its time is too recent to tell a later change of the same size apart.
        Assert.Equal(1, (await site.BuildAsync()).BundlesRead);
        Assert.Equal(1, (await site.BuildAsync()).BundlesRead);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - ReportArchive.Sources.FileTimes.Settle - TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await site.BuildAsync()).BundlesRead);
        Assert.Equal((2, 0), Counts(await site.BuildAsync()));
        Assert.Contains("新加的一段。", site.Read("zh/reports/2023/night-market/index.html"));
    }

    [Fact]
    public async Task A_taxonomy_that_no_longer_knows_a_department_reads_every_bundle_again()
    {
        using var site = Settled("trilingual");
        Assert.False((await site.BuildAsync()).HasErrors);
        var taxonomy = Path.Combine(site.Input, "taxonomy.yml");
        var department = File.ReadAllLines(Path.Combine(site.Bundle(2024, "river-library"), "index.zh.md"))
            .SkipWhile(l => !l.StartsWith("departments:", StringComparison.Ordinal)).Skip(1).First().Trim().TrimStart('-').Trim();
        File.WriteAllText(taxonomy, File.ReadAllText(taxonomy).Replace($"  {department}:", $"  renamed-{department}:", StringComparison.Ordinal));

        var result = await site.BuildAsync();
        Assert.Equal(0, result.BundlesKept);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains(department, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_photo_removed_from_an_unchanged_bundle_is_reported()
    {
        using var site = Settled("trilingual");
        Assert.False((await site.BuildAsync()).HasErrors);
        File.Delete(Path.Combine(site.Bundle(2024, "river-library"), "photos", "reading-room.jpg"));

        var result = await site.BuildAsync();
        Assert.Equal((1, 1), Counts(result));
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains("reading-room.jpg", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    public async Task A_damaged_cache_file_is_read_as_no_cache(string damage)
    {
        using var site = Settled("trilingual");
        var first = await site.BuildAsync();
        var built = FileTree.Hashes(site.Output);
        var file = Path.Combine(site.Cache, "content", "2024.bin");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            // A byte of the index (after its length), which its hash covers.
            "flip" => [.. bytes[..40], (byte)(bytes[40] ^ 0x40), .. bytes[41..]],
            "truncate" => bytes[..(bytes.Length - 40)],
            _ => [],
        });

        var result = await site.BuildAsync();
        Assert.Equal((1, 1), Counts(result));
        // Said once, at the file, and nothing else changes: the next build writes the file anew and says nothing.
        Assert.Equal(file, Assert.Single(result.Diagnostics, d => d.Code == "RA902").File);
        Assert.Equal(first.Diagnostics, result.Diagnostics.Where(d => d.Code != "RA902"));
        Assert.Equal(built, FileTree.Hashes(site.Output));
        var next = await site.BuildAsync();
        Assert.Equal((2, 0), Counts(next));
        Assert.DoesNotContain(next.Diagnostics, d => d.Code == "RA902");
    }

    [Fact]
    public async Task A_kept_text_that_is_damaged_is_read_again_from_the_bundles_files()
    {
        // The index is whole, but the last report's text (the end of the file) is not as hashed: the report is taken from the cache
        // and its text, read when the pages ask for it, is read again from its files.
        using var site = Settled("trilingual");
        var first = await site.BuildAsync();
        var built = FileTree.Hashes(site.Output);
        var file = Path.Combine(site.Cache, "content", "2024.bin");
        var bytes = File.ReadAllBytes(file);
        bytes[^10] ^= 0x40;
        File.WriteAllBytes(file, bytes);
        Directory.Delete(site.Output, recursive: true);
        Directory.CreateDirectory(site.Output);

        var result = await site.BuildAsync();
        Assert.Equal((2, 0), Counts(result));
        Assert.Equal(1, result.TextsMended);
        Assert.Equal(file, Assert.Single(result.Diagnostics, d => d.Code == "RA902").File);
        Assert.Equal(first.Diagnostics, result.Diagnostics.Where(d => d.Code != "RA902"));
        Assert.Equal(built, FileTree.Hashes(site.Output));
    }

    [Fact]
    public async Task A_year_file_written_again_keeps_the_other_bundles_text_as_it_was()
    {
        // Three bundles of 2023 (the fixture's and two copies, one before it and one after it in the file) kept; the middle one
        // edited, its year's file written again with the others' text copied from the old file: a build with the cache alone then
        // reads every report's text from it, none read again from its files.
        using var site = new TestSite("trilingual");
        foreach (var copy in new[] { "a-night-market", "night-market-again" })
        {
            TempDirectory.Copy(site.Bundle(2023, "night-market"), site.Bundle(2023, copy));
        }

        FileTree.SetTimes(site.Input, DateTime.UtcNow.AddHours(-1));
        Directory.CreateDirectory(site.Output);
        await site.BuildAsync();
        var original = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("八十个摊位", "九十个摊位", StringComparison.Ordinal));
        FileTree.SetTimes(site.Bundle(2023, "night-market"), DateTime.UtcNow.AddHours(-1));
        Assert.Equal((3, 1), Counts(await site.BuildAsync()));
        Directory.Delete(site.Output, recursive: true);
        Directory.CreateDirectory(site.Output);

        var again = await site.BuildAsync();
        Assert.Equal((4, 0), Counts(again));
        Assert.Equal(0, again.TextsMended);
        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    [Fact]
    public async Task A_bundle_with_a_symbolic_link_is_read_every_time()
    {
        using var site = Settled("trilingual");
        var photos = Path.Combine(site.Bundle(2024, "river-library"), "photos");
        File.CreateSymbolicLink(Path.Combine(photos, "link.jpg"), Path.Combine(photos, "reading-room.jpg"));
        await site.BuildAsync();

        var result = await site.BuildAsync();
        Assert.Equal((1, 1), Counts(result));
    }

    [Fact]
    public async Task The_file_of_a_year_left_without_bundles_is_removed()
    {
        using var site = Settled("trilingual");
        await site.BuildAsync();
        Assert.True(File.Exists(Path.Combine(site.Cache, "content", "2023.bin")));
        Directory.Delete(Path.Combine(site.Input, "reports", "2023"), recursive: true);

        await site.BuildAsync();
        Assert.False(File.Exists(Path.Combine(site.Cache, "content", "2023.bin")));
        Assert.True(File.Exists(Path.Combine(site.Cache, "content", "2024.bin")));
    }

    [Fact]
    public async Task The_preview_keeps_the_entries_of_the_bundles_it_held_in_memory()
    {
        using var site = new TestSite("trilingual");
        TempDirectory.Copy(site.Bundle(2023, "night-market"), site.Bundle(2023, "night-market-again"));
        FileTree.SetTimes(site.Input, DateTime.UtcNow.AddHours(-1));
        Directory.CreateDirectory(site.Output);
        await site.BuildAsync();
        var memo = new ReuseStore();
        var settings = site.Settings() with { InMemory = true, Memo = memo, DeferSearch = true };
        Assert.Equal(3, (await SiteBuild.RunAsync(settings)).BundlesKept);
        var file = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.AppendAllText(file, "\n新加的一段。\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-30));

        // Only the edited bundle is read: the other is the memo's, and its entry stays as it was.
        var edited = await SiteBuild.RunAsync(settings);
        Assert.Equal((0, 1), Counts(edited));
        var build = await site.BuildAsync();
        Assert.Equal((3, 0), Counts(build));
        Assert.Contains("新加的一段。", site.Read("zh/reports/2023/night-market/index.html"));
    }

    [Fact]
    public async Task A_build_into_a_new_folder_keeps_nothing_and_a_build_over_its_site_starts_keeping()
    {
        using var site = new TestSite("trilingual");
        FileTree.SetTimes(site.Input, DateTime.UtcNow.AddHours(-1));
        var check = await site.CheckAsync();
        var first = await site.BuildAsync();
        Assert.False(Directory.Exists(Path.Combine(site.Cache, "content")) && Directory.EnumerateFiles(Path.Combine(site.Cache, "content")).Any());

        var second = await site.BuildAsync();
        var third = await site.BuildAsync();
        Assert.Equal([(0, 2), (0, 2), (0, 2), (2, 0)], new[] { check, first, second, third }.Select(Counts));
        Assert.Equal(first.Diagnostics, third.Diagnostics);
    }

    [Fact]
    public async Task A_check_reads_what_the_builds_kept_and_keeps_it_current()
    {
        using var site = Settled("trilingual");
        await site.BuildAsync();
        var file = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        File.AppendAllText(file, "\n新加的一段。\n");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-30));

        var check = await site.CheckAsync();
        var build = await site.BuildAsync();
        Assert.Equal((1, 1), Counts(check));
        Assert.Equal((2, 0), Counts(build));
        Assert.Equal(check.Diagnostics, build.Diagnostics);
    }

    /// <summary>How many bundles a build took from the cache, and how many it read.</summary>
    private static (int Kept, int Read) Counts(BuildResult result) => (result.BundlesKept, result.BundlesRead);

    /// <summary>A test site whose files were last changed an hour ago, long enough for their times to be trusted, with its output
    /// folder made, as a site built before has it: its first build keeps the bundles it reads.</summary>
    private static TestSite Settled(string fixture)
    {
        var site = new TestSite(fixture);
        FileTree.SetTimes(site.Input, DateTime.UtcNow.AddHours(-1));
        Directory.CreateDirectory(site.Output);
        return site;
    }

}
