using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Tests.Support;
using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>XLIFF 2.0 with translation tools: a round trip reproduces the seed's hand-written English byte for byte, and a file
/// that is malformed, for another language pair, names an unknown unit or carries a changed source writes nothing.</summary>
public class XliffTests
{
    private const string Slug = "yanzhou-party-building";

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLine.RunAsync(args);

    private static TestSite Seed()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        return site;
    }

    private static string English(TestSite site) => Path.Combine(site.Bundle(2023, Slug), "index.en.md");

    /// <summary>The seed's English, written by hand, as unit id -> target: read from an export of every unit.</summary>
    private static async Task<Dictionary<string, string>> HandWrittenTargets(TestSite site, string file)
    {
        Assert.Equal(ExitCodes.Success, (await Run("xliff", "export", Slug, "--all", "-o", file, "--input", site.Input)).Code);
        return XDocument.Load(file).Descendants(XliffCommand.Ns + "unit")
            .ToDictionary(u => (string)u.Attribute("id")!, u => u.Descendants(XliffCommand.Ns + "target").Single().Value);
    }

    [Fact]
    public async Task Export_fill_every_target_and_import_gives_the_english_file_written_by_hand()
    {
        using var site = Seed();
        var handWritten = File.ReadAllText(English(site));
        var targets = await HandWrittenTargets(site, site.Input + "/../all.xlf");
        File.Delete(English(site));

        // A translator's tool gets the units still to do (all of them now), with the section and fingerprint of each.
        var file = Path.Combine(site.Input, "..", "todo.xlf");
        var (code, output, _) = await Run("xliff", "export", Slug, "-o", file, "--input", site.Input);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("36 units", output);
        var xliff = XDocument.Load(file);
        Assert.Equal("2.0", (string)xliff.Root!.Attribute("version")!);
        Assert.Equal(("zh-Hans", "en"), ((string)xliff.Root.Attribute("srcLang")!, (string)xliff.Root.Attribute("trgLang")!));
        var unit = xliff.Descendants(XliffCommand.Ns + "unit").Single(u => (string)u.Attribute("id")! == "procuratorate.2");
        var meta = unit.Descendants(XliffCommand.Mda + "meta").ToDictionary(m => (string)m.Attribute("type")!, m => m.Value);
        Assert.Equal("procuratorate", meta["section"]);
        Assert.Matches("^[0-9a-f]{12}$", meta["fingerprint"]);
        Assert.StartsWith("“老尚大哥，你可得帮我。", unit.Descendants(XliffCommand.Ns + "source").Single().Value);
        Assert.Equal("photos/loan-briefing.jpg", xliff.Descendants(XliffCommand.Mda + "meta").First(m => (string)m.Attribute("type")! == "photo" && m.Value.Contains("loan")).Value);

        // The tool fills every target, splitting one unit into two segments as tools do with sentences.
        foreach (var u in xliff.Descendants(XliffCommand.Ns + "unit"))
        {
            var segment = u.Element(XliffCommand.Ns + "segment")!;
            var target = targets[(string)u.Attribute("id")!];
            if ((string)u.Attribute("id")! == "finance.2")
            {
                var source = segment.Element(XliffCommand.Ns + "source")!.Value;
                var (cut, split) = (source.IndexOf('。') + 1, target.IndexOf(". ", StringComparison.Ordinal) + 2);
                segment.Element(XliffCommand.Ns + "source")!.Value = source[..cut];
                segment.Add(new XElement(XliffCommand.Ns + "target", target[..split]));
                segment.SetAttributeValue("state", "translated");
                segment.AddAfterSelf(new XElement(XliffCommand.Ns + "segment", new XAttribute("state", "translated"),
                    new XElement(XliffCommand.Ns + "source", source[cut..]), new XElement(XliffCommand.Ns + "target", target[split..])));
            }
            else
            {
                // A tool marks a target the translator confirms as translated.
                segment.Add(new XElement(XliffCommand.Ns + "target", target));
                segment.SetAttributeValue("state", "translated");
            }
        }

        xliff.Save(file);
        (code, output, var error) = await Run("xliff", "import", file, "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("36 units written; stamped head, party-office, procuratorate, education, finance, approval-services", output);
        Assert.Equal(handWritten, File.ReadAllText(English(site)));
        Assert.Empty((await site.CheckAsync()).Diagnostics);
    }

    [Fact]
    public async Task A_stale_unit_goes_out_as_initial_with_its_previous_source_and_comes_back_current_only_when_edited_or_reviewed()
    {
        using var site = Seed();
        Assert.Equal(ExitCodes.Success, (await Run("stamp", Slug, "--input", site.Input)).Code);
        var original = Path.Combine(site.Bundle(2023, Slug), "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("有21个党支部被授予", "有23个党支部被授予"));
        var file = Path.Combine(site.Input, "..", "stale.xlf");
        Assert.Equal(ExitCodes.Success, (await Run("xliff", "export", Slug, "-o", file, "--input", site.Input)).Code);

        // Only the stale section's units go out; the changed one as to do (initial), with what its source said when stamped.
        var xliff = XDocument.Load(file);
        var units = xliff.Descendants(XliffCommand.Ns + "unit").ToList();
        Assert.All(units, u => Assert.StartsWith("party-office.", (string)u.Attribute("id")!));
        var changed = Assert.Single(units, u => (string)u.Element(XliffCommand.Ns + "segment")!.Attribute("state")! == "initial");
        Assert.Contains("有21个党支部被授予", changed.Descendants(XliffCommand.Ctr + "item").Single().Value);
        Assert.Equal("source", (string)changed.Descendants(XliffCommand.Ctr + "revisions").Single().Attribute("appliesTo")!);
        Assert.Contains("有21个党支部被授予", changed.Descendants(XliffCommand.Ns + "note").Single().Value);
        Assert.Contains("有23个党支部被授予", changed.Descendants(XliffCommand.Ns + "source").Single().Value);
        var english = File.ReadAllText(English(site));

        // Given back as it went out, or marked translated without an edit: the section stays stale.
        changed.Element(XliffCommand.Ns + "segment")!.SetAttributeValue("state", "translated");
        xliff.Save(file);
        var (code, output, warnings) = await Run("xliff", "import", file, "--input", site.Input);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stamped nothing; not stamped: party-office still stale", output);
        Assert.Matches(@"index\.en\.md\(\d+,1\): warning RA190: the original states '23', which the translation does not \(it states 21,", warnings);
        Assert.Contains("'party-office' changed", DiagnosticAssert.Single(await site.CheckAsync(), "RA172").Message);

        // An edited target in state initial is a draft: written, not stamped.
        var target = changed.Descendants(XliffCommand.Ns + "target").Single();
        target.Value = target.Value.Replace("21 of the 38", "23 of the 38", StringComparison.Ordinal);
        changed.Element(XliffCommand.Ns + "segment")!.SetAttributeValue("state", "initial");
        xliff.Save(file);
        (code, output, _) = await Run("xliff", "import", file, "--input", site.Input);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("not stamped: party-office left as a draft (a target in state initial)", output);
        Assert.Contains("23 of the 38", File.ReadAllText(English(site)));

        // Reviewed, it is confirmed: stamped.
        foreach (var segment in xliff.Descendants(XliffCommand.Ns + "segment"))
        {
            segment.SetAttributeValue("state", "reviewed");
        }

        xliff.Save(file);
        (code, output, _) = await Run("xliff", "import", file, "--input", site.Input);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stamped party-office", output);
        Assert.Empty((await site.CheckAsync()).Diagnostics);
        Assert.NotEqual(english, File.ReadAllText(English(site)));
    }

    [Fact]
    public async Task A_third_language_goes_through_the_desk_and_xliff_on_its_own_file()
    {
        using var site = new TestSite("trilingual");
        var bundle = site.Bundle(2024, "river-library");
        var (hant, english) = (Path.Combine(bundle, "index.zh-hant.md"), Path.Combine(bundle, "index.en.md"));
        var (handWritten, englishBefore) = (File.ReadAllText(hant), File.ReadAllText(english));
        var all = Path.Combine(site.Input, "..", "all.zh-hant.xlf");
        Assert.Equal(ExitCodes.Success, (await Run("xliff", "export", "river-library", "--lang", "zh-hant", "--all", "-o", all, "--input", site.Input)).Code);
        var exported = XDocument.Load(all);
        Assert.Equal(("zh-Hans", "zh-Hant"), ((string)exported.Root!.Attribute("srcLang")!, (string)exported.Root.Attribute("trgLang")!));
        File.Delete(hant);

        // translate --lang writes the zh-Hant skeleton, with the original in each slot's comment; the English is not touched.
        var (code, output, _) = await Run("translate", "river-library", "--lang", "zh-hant", "--input", site.Input);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("index.zh-hant.md", output);
        Assert.Contains("'stamp river-library --lang zh-hant'", output);
        Assert.Contains("<!-- zh: 新馆二层辟出一间少儿阅览区，藏书一万二千册。 -->", File.ReadAllText(hant));
        Assert.Equal(englishBefore, File.ReadAllText(english));
        var status = await Run("status", "--input", site.Input);
        Assert.Contains(status.Out.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2024/river-library +zh-hant +draft "));
        Assert.Contains(status.Out.Split('\n'), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^2024/river-library +en +published "));

        // The translated XLIFF goes to the language its trgLang names, and gives back the file written by hand.
        (code, output, var error) = await Run("xliff", "import", all, "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("stamped head, children, evenings", output);
        Assert.Equal(handWritten, File.ReadAllText(hant));
        Assert.Equal(englishBefore, File.ReadAllText(english));
    }

    [Fact]
    public async Task Import_of_part_of_a_section_fills_those_slots_and_stamps_only_what_it_completed()
    {
        using var site = Seed();
        var targets = await HandWrittenTargets(site, site.Input + "/../all.xlf");
        File.Delete(English(site));
        await Run("translate", Slug, "--input", site.Input);
        var file = Path.Combine(site.Input, "..", "todo.xlf");
        await Run("xliff", "export", Slug, "-o", file, "--input", site.Input);
        var xliff = XDocument.Load(file);
        foreach (var u in xliff.Descendants(XliffCommand.Ns + "unit").Where(u => ((string)u.Attribute("id")!).StartsWith("education.", StringComparison.Ordinal)
                     || (string)u.Attribute("id")! == "finance.heading"))
        {
            u.Element(XliffCommand.Ns + "segment")!.Add(new XElement(XliffCommand.Ns + "target", targets[(string)u.Attribute("id")!]));
            u.Element(XliffCommand.Ns + "segment")!.SetAttributeValue("state", "translated");
        }

        xliff.Save(file);
        var (code, output, _) = await Run("xliff", "import", file, "--input", site.Input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stamped education;", output);
        var text = File.ReadAllText(English(site));
        Assert.Contains("## Sound Finances and Good Governance Win Hearts; Party Building Powers New Development {#finance}", text);
        Assert.Contains("<!-- zh: 兖州区财政局聚焦党建与业务融合", text); // finance's paragraphs are still to do
        Assert.DoesNotContain("<!-- zh: 教育是党之大计", text); // education is done and stamped: its comments are gone
        var en = ReportArchive.Content.ReportLoader.Load(site.Bundle(2023, Slug), ReportArchive.Configuration.LanguageSet.Default, new List<ReportArchive.Build.Diagnostic>())!.FileIn("en")!;
        Assert.Equal(["education"], en.Front.TranslationOf.Select(t => t.Key));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"zh-Hans\" trgLang=\"en\"><file original=\"x\">", "(1,", "error RA401: malformed XML" },
        { "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"zh-Hans\" trgLang=\"fr\"></xliff>", "(1,2)", "error RA403: the language pair is zh-Hans -> fr" },
        { "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"></xliff>", "(1,2)", "error RA402: not an XLIFF 2.0 file" },
        {
            "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"zh-Hans\" trgLang=\"en\">\n<file id=\"f\" original=\"reports/2023/yanzhou-party-building/index.zh.md\">\n" +
            "<unit id=\"head.title\"><segment><source>兖州区以高质量机关党建，引领高质量发展</source><target>Title</target></segment></unit>\n" +
            "<unit id=\"nowhere.3\"><segment><source>x</source><target>y</target></segment></unit></file></xliff>",
            "(4,2)", "error RA405: unit 'nowhere.3' is not a part of"
        },
        {
            "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"zh-Hans\" trgLang=\"en\">\n<file id=\"f\" original=\"reports/2023/yanzhou-party-building/index.zh.md\">\n" +
            "<unit id=\"head.title\"><segment><source>兖州区以高质量机关党建，引领高质量发展</source><target>Title</target></segment></unit>\n" +
            "<unit id=\"finance.1\"><segment><source>一段已经改过的原文。</source><target>y</target></segment></unit></file></xliff>",
            "(4,2)", "error RA406: unit 'finance.1': its source changed since it was exported"
        },
        {
            "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"zh-Hans\" trgLang=\"en\">\n<file id=\"f\" original=\"../../etc/passwd\"></file></xliff>",
            "(2,2)", "error RA404: <file original=\"../../etc/passwd\"> names no report"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_located_error_and_nothing_is_written(string xml, string position, string message)
    {
        using var site = Seed();
        var before = File.ReadAllText(English(site));
        var file = Path.Combine(site.Input, "..", "bad.xlf");
        File.WriteAllText(file, xml);

        var (code, _, error) = await Run("xliff", "import", file, "--input", site.Input);

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("bad.xlf" + position, error);
        Assert.Contains(message, error);
        Assert.Equal(before, File.ReadAllText(English(site)));
        Assert.False(File.Exists(English(site) + ".tmp"));
    }
}
