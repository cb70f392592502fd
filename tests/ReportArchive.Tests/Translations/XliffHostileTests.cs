using System.Text;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsCheck;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Tests.Content;
using ReportArchive.Tests.Support;
using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>XLIFF files as an attacker or a careless tool writes them: no write outside <c>input/</c>, nothing a file carries lost
/// without a located message, no hang on deep or large files; and any text a translator gives comes back on the page exactly.</summary>
public class XliffHostileTests
{
    private const string Original = "reports/2023/report-a/index.zh.md";

    private static readonly XNamespace Ns = XliffCommand.Ns;

    /// <summary>A report with every kind of unit but a caption: title, subtitle, byline, a lead, a section's heading and paragraphs.</summary>
    private static TestSite Report()
    {
        var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"),
            "---\ntitle: 测试报道\nsubtitle: 副标题\nbyline: 记者 王明\ndate: 2023-05-04\n---\n\n导语段落。\n\n## 第一节 {#first}\n\n第一段。\n\n第二段。\n");
        return site;
    }

    private static string English(TestSite site) => Path.Combine(site.Bundle(2023, "report-a"), "index.en.md");

    private static string Unit(string id, string target) =>
        $"<unit id=\"{id}\"><segment><source>{Source(id)}</source><target>{target}</target></segment></unit>";

    private static string Source(string id) => id switch
    {
        "head.title" => "测试报道",
        "head.1" => "导语段落。",
        "first.heading" => "第一节",
        "first.1" => "第一段。",
        _ => "第二段。",
    };

    private static string Xliff(string files, string trgLang = "en") =>
        $"<?xml version=\"1.0\"?>\n<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"zh-Hans\" trgLang=\"{trgLang}\">\n{files}\n</xliff>";

    private static string File1(string units, string original = Original) => $"<file id=\"f\" original=\"{original}\">\n{units}\n</file>";

    private static async Task<(int Code, string Out, string Err)> Import(TestSite site, string xml)
    {
        var file = Path.Combine(site.Input, "..", "in.xlf");
        File.WriteAllText(file, xml);
        return await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input);
    }

    public static TheoryData<string> OutsidePaths() =>
    [
        "/tmp/reportarchive-outside/reports/2023/report-a/index.zh.md", "../outside/index.zh.md", "reports/../../outside/index.zh.md",
        "C:\\outside\\index.zh.md", "C:/outside/index.zh.md", "\\\\server\\share\\index.zh.md", "//server/share/index.zh.md",
        "%2e%2e/%2e%2e/outside/index.zh.md", "reports%2F2023%2Freport-a%2Findex.zh.md", "&#46;&#46;/outside/index.zh.md",
        "file:///tmp/reportarchive-outside/index.zh.md", "reports/2023/report-a/./index.zh.md", "./reports/2023/report-a/index.zh.md",
        "reports\\2023\\report-a\\index.zh.md", "reports/2023/report-a/index.zh.md/", "REPORTS/2023/report-a/index.zh.md",
    ];

    [Theory]
    [MemberData(nameof(OutsidePaths))]
    public async Task A_file_named_by_any_path_but_a_report_of_the_archive_writes_nothing(string original)
    {
        using var site = Report();
        var outside = Path.Combine(Path.GetDirectoryName(site.Input)!, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "index.zh.md"), File.ReadAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md")));

        var (code, _, error) = await Import(site, Xliff(File1(Unit("head.title", "A report"), original)));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("in.xlf(3,2): error RA404: <file original=", error);
        Assert.Single(Directory.EnumerateFiles(outside));
        Assert.False(File.Exists(English(site)));
    }

    [Fact]
    public async Task A_report_folder_that_links_outside_the_archive_is_never_written_through()
    {
        using var site = Report();
        using var elsewhere = new TempDirectory();
        var bundle = site.Bundle(2023, "report-a");
        TempDirectory.Copy(bundle, elsewhere["report-b"]);
        Directory.CreateSymbolicLink(site.Bundle(2023, "report-b"), elsewhere["report-b"]);

        var (code, _, _) = await Import(site, Xliff(File1(Unit("head.title", "A report"), "reports/2023/report-b/index.zh.md")));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Equal(["index.zh.md"], Directory.EnumerateFiles(elsewhere["report-b"]).Select(Path.GetFileName));
    }

    [Fact]
    public void The_write_door_refuses_every_place_outside_its_root()
    {
        using var root = new TempDirectory();
        using var elsewhere = new TempDirectory();
        var input = root["input"];
        Directory.CreateDirectory(Path.Combine(input, "reports"));
        Directory.CreateSymbolicLink(Path.Combine(input, "reports", "2023"), elsewhere.Path);
        File.CreateSymbolicLink(Path.Combine(input, "escape.md"), elsewhere["target.md"]);

        foreach (var path in new[] { "/etc/passwd", Path.Combine(input, "..", "x.md"), Path.Combine(input, "reports", "2023", "a.md"), root["x.md"] })
        {
            Assert.NotNull(ReportArchive.Sources.InputWrites.Problem(input, path));
            Assert.Throws<ReportArchive.Sources.OutsideRootException>(() => ReportArchive.Sources.InputWrites.WriteText(input, path, "x"));
        }

        // A link standing where the file goes is replaced by the file, never written through.
        ReportArchive.Sources.InputWrites.WriteText(input, Path.Combine(input, "escape.md"), "kept inside");
        Assert.False(File.Exists(elsewhere["target.md"]));
        Assert.Equal("kept inside", File.ReadAllText(Path.Combine(input, "escape.md")));
        Assert.Null(new FileInfo(Path.Combine(input, "escape.md")).LinkTarget);
        Assert.Empty(Directory.EnumerateFiles(elsewhere.Path));
    }

    [Fact]
    public async Task The_same_report_in_two_files_is_refused_naming_both()
    {
        using var site = Report();

        var (code, output, error) = await Import(site, Xliff(File1(Unit("head.title", "A report")) + "\n" + File1(Unit("head.1", "The lead."))));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("in.xlf(6,2): error RA407:", error);
        Assert.Contains("at line 3", error);
        Assert.DoesNotContain("written", output);
        Assert.False(File.Exists(English(site)));
    }

    [Fact]
    public async Task A_unit_given_twice_is_refused_with_both_places()
    {
        using var site = Report();

        var (code, _, error) = await Import(site, Xliff(File1(Unit("head.1", "One.") + "\n" + Unit("head.1", "Two."))));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("in.xlf(5,2): error RA408: unit 'head.1' is here a second time (first at line 4)", error);
        Assert.False(File.Exists(English(site)));
    }

    public static TheoryData<string, string> CodesTheSourceHasNot() => new()
    {
        { "<pc id=\"1\">bold</pc> text", "it has a code (id '1') that its source does not" },
        { "a<ph id=\"1\"/>b", "it has a code (id '1') that its source does not" },
        { "<sc id=\"1\"/>x<ec startRef=\"1\"/>", "it has a code (id '1') that its source does not" },
    };

    [Theory]
    [MemberData(nameof(CodesTheSourceHasNot))]
    public async Task A_code_the_source_does_not_have_is_refused_with_its_unit_never_dropped(string target, string why)
    {
        using var site = Report();

        var (exit, _, error) = await Import(site, Xliff(File1(Unit("first.1", target))));

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains($"error RA413: unit 'first.1': the target's inline codes do not match: {why}", error);
        Assert.Matches(@"in\.xlf\(4,\d+\)", error);
        Assert.False(File.Exists(English(site)));
    }

    [Theory]
    [InlineData("<sm id=\"m\" type=\"comment\"/>text", "sm")]
    [InlineData("text<x:b xmlns:x=\"urn:example\">bold</x:b>", "b")]
    public async Task An_element_that_is_no_inline_code_is_refused_at_its_place(string target, string element)
    {
        using var site = Report();

        var (exit, _, error) = await Import(site, Xliff(File1(Unit("first.1", target))));

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Contains($"error RA409: unit 'first.1' holds <{element}>, which is no inline code this archive's units carry", error);
        Assert.Matches(@"in\.xlf\(4,\d+\)", error);
        Assert.False(File.Exists(English(site)));
    }

    [Theory]
    [InlineData("about 1.2<cp hex=\"00A0\"/>million", "about 1.2\u00A0million")]
    [InlineData("<mrk id=\"m\" translate=\"no\">Yanzhou</mrk> district", "Yanzhou district")]
    public async Task A_character_code_and_an_annotation_give_their_text(string target, string text)
    {
        using var site = Report();

        var (exit, _, error) = await Import(site, Xliff(File1(Unit("first.1", target))));

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("\n" + text + "\n", File.ReadAllText(English(site)));
    }

    [Fact]
    public async Task Segments_are_joined_as_the_target_language_writes_and_an_ignorable_keeps_its_source()
    {
        using var site = Report();
        var unit = "<unit id=\"first.1\"><segment><source>第一</source><target>theoretical level.”</target></segment>" +
            "<segment><source>段。</source><target>Gao Li said.</target></segment></unit>\n" +
            "<unit id=\"first.2\"><segment><source>第二</source><target>One.</target></segment><ignorable><source>段</source></ignorable>" +
            "<segment><source>。</source><target> Two.</target></segment></unit>";

        var (code, _, error) = await Import(site, Xliff(File1(unit)));

        Assert.True(code == ExitCodes.Success, error);
        var english = File.ReadAllText(English(site));
        Assert.Contains("theoretical level.” Gao Li said.", english);
        Assert.Contains("One.段 Two.", english);
    }

    [Fact]
    public void Chinese_segments_are_joined_without_a_space_and_english_ones_with_one()
    {
        var chinese = new Language("zh-hant", "zh-Hant", "繁體中文", false, "", "", ReadingUnit.Characters, 400, "zh_TW");
        var english = chinese with { Key = "en", Tag = "en", ReadingUnit = ReadingUnit.Words };

        Assert.Equal("第一句。第二句。", XliffTargets.Join([("第一句。", false), ("第二句。", false)], chinese));
        Assert.Equal("First. Second.", XliffTargets.Join([("First.", false), ("Second.", false)], english));
        Assert.Equal("First. Second.", XliffTargets.Join([("First. ", false), ("Second.", false)], english));
        Assert.Equal("First.\nSecond.", XliffTargets.Join([("First.\n", false), ("Second.", false)], english));
        Assert.Equal("First.\tSecond.", XliffTargets.Join([("First.", false), ("\t", true), ("Second.", false)], english));
    }

    [Fact]
    public async Task A_control_character_in_a_target_is_refused_at_its_unit()
    {
        using var site = Report();

        var (code, _, error) = await Import(site, Xliff(File1(Unit("first.1", "a\u0085b"))));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA410: unit 'first.1'", error);
    }

    [Fact]
    public async Task A_file_nested_deeper_than_any_xliff_is_refused_at_once()
    {
        using var site = Report();
        var deep = string.Concat(Enumerable.Repeat("<pc id=\"x\">", 200_000)) + "x" + string.Concat(Enumerable.Repeat("</pc>", 200_000));

        var (code, _, error) = await Import(site, Xliff(File1(Unit("first.1", deep))));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA411: elements are nested more than", error);
        Assert.False(File.Exists(English(site)));
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_before_it_is_read()
    {
        using var site = Report();
        var file = Path.Combine(site.Input, "..", "huge.xlf");
        using (var stream = File.Create(file))
        {
            stream.SetLength(XliffReader.MaxBytes + 1); // sparse: nothing is written, and nothing must be read
        }

        var (code, _, error) = await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input);

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("huge.xlf(1,1): error RA411: the file is", error);
    }

    [Fact]
    public async Task A_target_too_large_for_a_report_is_refused_before_anything_is_written()
    {
        using var site = Report();

        var (code, _, error) = await Import(site, Xliff(File1(Unit("first.1", new string('x', (int)ReportArchive.Sources.SourceFiles.MaxTextBytes + 10)))));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA412:", error);
        Assert.False(File.Exists(English(site)));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    [InlineData("EN")]
    public async Task A_regional_tag_of_the_archive_language_is_taken_and_said(string tag)
    {
        using var site = Report();

        var (code, output, error) = await Import(site, Xliff(File1(Unit("head.title", "A report")), tag));

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("index.en.md: 1 unit written", output);
        Assert.Contains("A report", File.ReadAllText(English(site)));
    }

    [Fact]
    public async Task Another_language_is_still_refused()
    {
        using var site = Report();

        var (code, _, error) = await Import(site, Xliff(File1(Unit("head.title", "Un rapport")), "fr-FR"));

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("in.xlf(2,2): error RA403: the language pair is zh-Hans -> fr-FR", error);
    }

    [Fact]
    public async Task Exporting_a_report_with_nothing_to_translate_writes_no_file()
    {
        using var site = Report();
        var file = Path.Combine(site.Input, "..", "all.xlf");
        await CommandLine.RunAsync("xliff", "export", "report-a", "--all", "-o", file, "--input", site.Input);
        var xliff = XDocument.Load(file);
        foreach (var segment in xliff.Descendants(Ns + "segment"))
        {
            segment.Add(new XElement(Ns + "target", "Done."));
        }

        xliff.Save(file);
        Assert.Equal(ExitCodes.Success, (await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input)).Code);

        var again = Path.Combine(site.Input, "..", "todo.xlf");
        var (code, output, _) = await CommandLine.RunAsync("xliff", "export", "report-a", "-o", again, "--input", site.Input);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Nothing to export", output);
        Assert.Contains("--all", output);
        Assert.False(File.Exists(again));
    }

    /// <summary>Random XLIFF made of the pieces careless tools write (inline codes nested to random depths, units and files
    /// repeated, segments without targets, ignorables, stray elements): a located error or a written translation that builds,
    /// never a crash or a hang.</summary>
    [Fact]
    public void Any_xliff_gets_a_located_error_or_a_translation_that_builds()
    {
        var inline = from name in Gen.OneOf("pc", "mrk", "sc", "ph", "cp", "x")
                     from depth in Gen.Int[1, 400]
                     select string.Concat(Enumerable.Repeat($"<{name} id=\"i\">", depth)) + "x" + string.Concat(Enumerable.Repeat($"</{name}>", depth));
        var target = Gen.Frequency((6, MarkdownTextTests.Text.Select(System.Security.SecurityElement.Escape)), (1, inline), (1, Gen.Const("")));
        var piece = from id in Gen.OneOf("head.title", "head.1", "first.heading", "first.1", "first.2", "first.9", "")
                    from text in target
                    from form in Gen.Int[0, 4]
                    select form switch
                    {
                        0 => Unit(id, text),
                        1 => $"<unit id=\"{id}\"><segment><source>{Source(id)}</source></segment></unit>",
                        2 => $"<unit id=\"{id}\"><ignorable><source> </source></ignorable><segment><source>{Source(id)}</source><target>{text}</target></segment></unit>",
                        3 => $"<group id=\"g\">{Unit(id, text)}</group>",
                        _ => $"<unit id=\"{id}\"><notes><note>{text}</note></notes><segment><source>{Source(id)}</source><target>{text}</target></segment></unit>",
                    };
        var files = from units in piece.Array[1, 6]
                    from original in Gen.Frequency((8, Gen.Const(Original)), (1, Gen.OneOf("/etc/passwd", "../x/index.zh.md", "")))
                    select File1(string.Join("\n", units), original);
        var documents = from parts in files.Array[1, 2]
                        from tag in Gen.OneOf("en", "en-US", "fr")
                        select Xliff(string.Join("\n", parts), tag);
        var (samples, written) = (0, 0);
        Check.Sample(documents, xml =>
        {
            using var site = Report();
            var (code, _, error) = Import(site, xml).GetAwaiter().GetResult();
            Assert.True(code is ExitCodes.Success or ExitCodes.ContentErrors, $"exit {code}: {error}\n{xml}");
            foreach (var line in error.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)))
            {
                Assert.Matches(@"in\.xlf\(\d+,\d+\): error RA4\d\d: ", line);
            }

            if (code == ExitCodes.Success)
            {
                var result = SiteBuild.RunAsync(site.Settings() with { InMemory = true }).GetAwaiter().GetResult();
                Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics) + "\n" + xml);
                Interlocked.Increment(ref written);
            }

            Interlocked.Increment(ref samples);
        }, iter: 300, threads: 2);
        Assert.Equal(300, samples);
        Assert.True(written > 0, "no random file was imported: the generator tests only refusals");
    }

    /// <summary>For any text in every unit: export, fill, import, build; the English page shows each unit's text exactly.</summary>
    [Fact]
    public void Any_text_a_translator_gives_comes_back_on_the_page_exactly()
    {
        var parser = new HtmlParser();
        var units = 0;
        var texts = MarkdownTextTests.Text.Where(t => MarkdownTextTests.Seen(t).Length > 0).Array[7];
        Check.Sample(texts, targets =>
        {
            using var site = Report();
            var file = Path.Combine(site.Input, "..", "todo.xlf");
            Assert.Equal(ExitCodes.Success, CommandLine.RunAsync("xliff", "export", "report-a", "-o", file, "--input", site.Input).GetAwaiter().GetResult().Code);
            var xliff = XDocument.Load(file);
            var ids = xliff.Descendants(Ns + "unit").Select(u => (string)u.Attribute("id")!).ToList();
            Assert.Equal(["head.title", "head.subtitle", "head.byline", "head.1", "first.heading", "first.1", "first.2"], ids);
            foreach (var (segment, target) in xliff.Descendants(Ns + "segment").Zip(targets))
            {
                segment.Add(new XElement(Ns + "target", target));
                segment.SetAttributeValue("state", "translated"); // confirmed, as a tool marks a target the translator accepts
            }

            xliff.Save(file);
            var (code, _, error) = CommandLine.RunAsync("xliff", "import", file, "--input", site.Input).GetAwaiter().GetResult();
            Assert.True(code == ExitCodes.Success, error);

            var result = SiteBuild.RunAsync(site.Settings() with { InMemory = true }).GetAwaiter().GetResult();
            Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics) + "\n" + File.ReadAllText(English(site)));
            var page = result.Files.Single(f => f.Path == "en/reports/2023/report-a/index.html");
            var document = parser.ParseDocument(Encoding.UTF8.GetString(page.Bytes!));
            foreach (var orig in document.QuerySelectorAll(".orig").ToList())
            {
                orig.Remove();
            }

            string[] shown =
            [
                document.QuerySelector("h1")!.TextContent, document.QuerySelector("p.subtitle")!.TextContent,
                document.QuerySelector(".byline")!.TextContent, document.QuerySelector(".lead p")!.TextContent,
                document.QuerySelector("section h2")!.TextContent, .. document.QuerySelectorAll("section .pair p").Select(p => p.TextContent),
            ];
            Assert.Equal(targets.Select(MarkdownTextTests.Seen), shown.Select(MarkdownTextTests.Seen));
            Interlocked.Add(ref units, targets.Length);
        }, iter: 500, threads: 2);
        Assert.Equal(500 * 7, units);
    }
}
