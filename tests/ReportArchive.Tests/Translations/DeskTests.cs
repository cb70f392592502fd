using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Translations;

/// <summary>The translator's desk on the frozen seed report: translate writes slots that are never published, a partial
/// translation publishes what is done, an edit of the original marks only its section, and stamp records what is finished.</summary>
public class DeskTests
{
    private const string Slug = "yanzhou-party-building";

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLine.RunAsync(args);

    private static TestSite Seed(bool english = true)
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        if (!english)
        {
            File.Delete(English(site));
        }

        return site;
    }

    private static string English(TestSite site) => Path.Combine(site.Bundle(2023, Slug), "index.en.md");

    private static string Original(TestSite site) => Path.Combine(site.Bundle(2023, Slug), "index.zh.md");

    [Fact]
    public async Task Translate_writes_one_slot_per_part_with_the_chinese_in_comments_that_never_reach_a_page()
    {
        using var site = Seed(english: false);

        var (code, output, _) = await Run("translate", Slug, "--input", site.Input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("0 of 36 slots translated", output);
        var text = File.ReadAllText(English(site));
        Assert.Contains("# zh: 兖州区以高质量机关党建，引领高质量发展\ntitle: \"\"", text);
        Assert.Contains("<!-- zh heading: 忠诚为民强担当 服务送进咱心坎 -->\n## {#procuratorate}", text);
        Assert.Contains("<!-- zh: ![区财政局举行“鲁担惠农贷”宣讲活动。](photos/loan-briefing.jpg) -->", text);
        Assert.Equal(6, text.Split("\n## {#").Length);

        var result = await site.BuildAsync();
        var warning = DiagnosticAssert.Single(result, "RA165");
        Assert.Contains("36 of 36 translation slots are not translated yet", warning.Message);
        Assert.Equal(3, warning.Line); // the title's line
        Assert.False(result.HasErrors);
        Assert.False(Directory.Exists(Path.Combine(site.Output, "en", "reports", "2023", Slug)));
        Assert.Contains("Chinese only", site.Read("en/index.html"));
        AssertNoCommentPublished(site);
    }

    [Fact]
    public async Task A_partial_translation_publishes_what_is_done_and_links_to_the_original_for_the_rest()
    {
        using var site = Seed(english: false);
        await Run("translate", Slug, "--input", site.Input);
        var text = File.ReadAllText(English(site));
        text = text.Replace("\ntitle: \"\"", "\ntitle: \"Party building in Yanzhou\"");
        text = text.Replace("## {#finance}", "## Sound finances {#finance}");
        var first = text.IndexOf("<!-- zh: 兖州区财政局聚焦党建与业务融合", StringComparison.Ordinal);
        var end = text.IndexOf("-->", first, StringComparison.Ordinal) + 3;
        text = text[..end] + "\nThe finance bureau's first paragraph, translated." + text[end..];
        File.WriteAllText(English(site), text);

        var result = await site.BuildAsync();

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var page = new BuiltSite(site.Output, "/ReportArchive/").Page($"en/reports/2023/{Slug}/");
        var finance = page.GetElementById("finance")!.ParentElement!;
        Assert.Equal("Sound finances", page.GetElementById("finance")!.VisibleText());
        Assert.Equal(["The finance bureau's first paragraph, translated."],
            finance.QuerySelectorAll("p:not(.untranslated)").Where(p => p.Closest("[hidden]") is null).Select(p => p.TextContent));
        var note = finance.QuerySelector("p.untranslated a")!;
        Assert.Equal($"/ReportArchive/zh/reports/2023/{Slug}/#finance", note.GetAttribute("href"));
        Assert.Contains("Part of this section", note.TextContent);
        Assert.Contains("not been translated yet", page.GetElementById("procuratorate")!.ParentElement!.TextContent);

        // The parallel mode pairs the translated paragraph with its Chinese one; the untranslated ones say so (seen only in that mode).
        var pairs = finance.QuerySelectorAll(".pair").ToList();
        Assert.All(pairs, p => Assert.Equal("zh-Hans", p.Children[0].GetAttribute("lang")));
        Assert.StartsWith("兖州区财政局聚焦党建与业务融合", pairs[0].Children[0].TextContent);
        Assert.Equal("The finance bureau's first paragraph, translated.", pairs[0].Children[1].TextContent.Trim());
        Assert.Equal("(not translated yet)", pairs[1].Children[1].TextContent.Trim());
        Assert.NotNull(pairs[1].Children[1].QuerySelector("p.untranslated[hidden]"));
        AssertNoCommentPublished(site);

        var status = await Run("status", "--json", "--input", site.Input);
        var row = System.Text.Json.JsonDocument.Parse(status.Out).RootElement[0];
        Assert.Equal("published", row.GetProperty("translation").GetString());
        Assert.Equal(36 - 3, row.GetProperty("untranslated_slots").GetInt32()); // title, the heading and a paragraph done
    }

    [Fact]
    public async Task An_edit_of_the_original_marks_only_its_changed_sentence_and_stamp_records_it_once_the_english_is_updated()
    {
        using var site = Seed();
        Assert.Equal(ExitCodes.Success, (await Run("stamp", Slug, "--input", site.Input)).Code); // keeps the basis: what each part translates
        var basis = Path.Combine(site.Bundle(2023, Slug), "stamped.en.yml");
        Assert.Contains("    - \"“老尚大哥，你可得帮我。", File.ReadAllText(basis));
        var handWritten = File.ReadAllText(English(site));
        File.WriteAllText(Original(site), File.ReadAllText(Original(site)).Replace("负责催收欠款等工作。", "负责催收欠款等工作，一干就是十年。"));

        var check = await site.CheckAsync();
        var stale = DiagnosticAssert.Single(check, "RA172");
        Assert.Contains("'procuratorate' changed", stale.Message);
        Assert.Contains($"stamp {Slug} --section procuratorate", stale.Message);

        Assert.Equal(ExitCodes.Success, (await Run("translate", Slug, "--input", site.Input)).Code);
        var marked = File.ReadAllText(English(site));
        // One comment, above the one paragraph that changed, with the changed sentence only: as it was, and as it is.
        Assert.Contains("<!-- zh changed:\nwas: 张大姐在某公司干业务员多年，负责催收欠款等工作。\nnow: 张大姐在某公司干业务员多年，负责催收欠款等工作，一干就是十年。\n-->\n“Brother Shang", marked);
        Assert.Equal(1, marked.Split("<!-- zh").Length - 1);
        // Every line written by hand is still there, in order; only comments were added.
        Assert.Equal(handWritten.Split('\n').Where(l => l.Length > 0), marked.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("<!--", StringComparison.Ordinal) && !l.StartsWith("was: ", StringComparison.Ordinal) && !l.StartsWith("now: ", StringComparison.Ordinal) && l != "-->"));

        // Stamped without an edit, the part would say the English holds the new original: refused, and nothing written.
        var refused = await Run("stamp", Slug, "--section", "procuratorate", "--input", site.Input);
        Assert.Equal(ExitCodes.ContentErrors, refused.Code);
        Assert.Matches(@"index\.en\.md\(\d+,1\): error RA181: 'procuratorate' is stale and was not stamped: the original changed since it was stamped, and its translation is as it was then", refused.Err);
        Assert.Equal(marked, File.ReadAllText(English(site)));

        var english = marked.Replace("Ms Zhang had worked for years as a salesperson", "Ms Zhang had worked for ten years as a salesperson");
        File.WriteAllText(English(site), english);
        var (code, output, _) = await Run("stamp", Slug, "--section", "procuratorate", "--input", site.Input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Stamped procuratorate", output);
        var stamped = File.ReadAllText(English(site));
        Assert.DoesNotContain("<!--", stamped);
        Assert.Contains("ten years as a salesperson", stamped);
        Assert.Empty((await site.CheckAsync()).Diagnostics);
        Assert.Equal(handWritten.Split('\n').Length, stamped.Split('\n').Length);
        Assert.Contains("负责催收欠款等工作，一干就是十年。", File.ReadAllText(basis));
    }

    [Fact]
    public async Task A_paragraph_added_to_the_original_gets_a_slot_in_its_place_and_a_removed_ones_translation_is_kept_as_a_note()
    {
        using var site = Seed();
        Assert.Equal(ExitCodes.Success, (await Run("stamp", Slug, "--input", site.Input)).Code);
        var zh = File.ReadAllText(Original(site));
        var finance = zh.IndexOf("{#finance}", StringComparison.Ordinal);
        var firstEnd = zh.IndexOf("\n\n", zh.IndexOf("\n\n", finance, StringComparison.Ordinal) + 2, StringComparison.Ordinal);
        // A new paragraph after finance's first; the last paragraph of approval-services removed.
        zh = zh[..firstEnd] + "\n\n财政局新设了一个服务窗口。" + zh[firstEnd..];
        var lastParagraph = zh.TrimEnd().LastIndexOf("\n\n", StringComparison.Ordinal);
        var removed = zh[(lastParagraph + 2)..].TrimEnd();
        File.WriteAllText(Original(site), zh[..lastParagraph] + "\n");
        var english = File.ReadAllText(English(site));
        var lastEnglish = english.TrimEnd()[(english.TrimEnd().LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];

        Assert.Equal(ExitCodes.Success, (await Run("translate", Slug, "--input", site.Input)).Code);
        var marked = File.ReadAllText(English(site));

        var parts = ReportArchive.Translations.TranslationDocument.Parse(marked, "zh");
        var slots = parts.Part("finance")!.Slots;
        Assert.Null(slots[1].Text);
        Assert.Equal("财政局新设了一个服务窗口。", slots[1].Comment!.Text);
        Assert.StartsWith("“Yanzhou's Xicheng area", slots[2].Text); // still beside the block it translates, which did not change
        Assert.False(slots[2].Comment!.Changed); // its original shown, so that the empty slot's comment is not read as its own
        Assert.Contains("<!-- the original no longer has the block this translated (kept here, not published; delete it when done): " + lastEnglish[..40], marked);
        Assert.DoesNotContain(removed[..10], marked);
        var check = await site.CheckAsync();
        Assert.DoesNotContain(check.Diagnostics, d => d.Code == "RA163"); // the paragraphs still pair one for one
    }

    [Fact]
    public async Task A_stale_part_left_as_it_was_becomes_current_only_when_confirmed()
    {
        using var site = Seed();
        var handWritten = File.ReadAllText(English(site));
        File.WriteAllText(Original(site), File.ReadAllText(Original(site)).Replace("负责催收欠款等工作。", "负责催收欠款等工作，一干就是十年。"));

        // Without a basis (a translation stamped before one was kept), whether the English was edited is not known.
        var (code, _, error) = await Run("stamp", Slug, "--input", site.Input);
        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA181: 'procuratorate' is stale and was not stamped: the original changed since it was stamped, and whether its translation was edited since is not known", error);
        Assert.Contains($"'stamp {Slug} --confirm procuratorate'", error);
        Assert.Equal(handWritten, File.ReadAllText(English(site)));

        (code, var output, _) = await Run("stamp", Slug, "--confirm", "procuratorate", "--input", site.Input);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Stamped head, party-office, procuratorate, education, finance, approval-services", output); // every complete part, one confirmed
        Assert.Empty((await site.CheckAsync()).Diagnostics);
    }

    [Fact]
    public async Task Stamp_refuses_a_named_part_with_empty_slots_and_writes_nothing()
    {
        using var site = Seed(english: false);
        await Run("translate", Slug, "--input", site.Input);
        var before = File.ReadAllText(English(site));

        var (code, _, error) = await Run("stamp", Slug, "--section", "finance", "--input", site.Input);

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Matches("error RA180: 'finance' cannot be stamped: [0-9]+ slots are not translated yet", error);
        Assert.Equal(before, File.ReadAllText(English(site)));
        Assert.Equal(ExitCodes.ContentErrors, (await Run("stamp", "no-such-report", "--input", site.Input)).Code);
    }

    [Fact]
    public async Task Translate_leaves_a_finished_translation_as_it_was()
    {
        using var site = Seed();
        var before = File.ReadAllText(English(site));

        Assert.Equal(ExitCodes.Success, (await Run("translate", Slug, "--input", site.Input)).Code);
        Assert.Equal(before, File.ReadAllText(English(site)));
        Assert.Equal(ExitCodes.Success, (await Run("translate", site.Bundle(2023, Slug), "--input", site.Input)).Code);
        Assert.Equal(before, File.ReadAllText(English(site)));
    }

    private static void AssertNoCommentPublished(TestSite site)
    {
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".jpg") && !f.EndsWith(".webp")))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("zh heading:", text);
            Assert.DoesNotContain("<!-- zh", text);
            Assert.DoesNotContain("&lt;!-- zh", text);
        }
    }
}
