using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Tests.Support;
using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>Emphasis, links, hard line breaks, inline code and non-breaking spaces travel to translation tools as XLIFF 2.0 inline
/// codes, their Markdown in the unit's originalData, and come back into the same Markdown around the new text; a target that
/// loses, adds or misplaces one is refused with its unit named.</summary>
public class InlineCodeTests
{
    private static readonly XNamespace X = XliffCommand.Ns;

    private const string Chinese = "区里**新建**了[服务中心](https://example.org/centre)，24小时\\\n开放，编号`A-1`。";
    private const string English = "The district **built** a new [service centre](https://example.org/centre), open\\\nround the clock, number `A-1`.";

    private static TestSite Site(bool english = true)
    {
        var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 测试报道\ndate: 2023-05-04\n---\n\n{Chinese}\n");
        if (english)
        {
            File.WriteAllText(Path.Combine(bundle, "index.en.md"), $"---\ntitle: \"A report\"\ntranslation_of: {{}}\n---\n\n{English}\n");
        }

        return site;
    }

    private static string EnglishFile(TestSite site) => Path.Combine(site.Bundle(2023, "report-a"), "index.en.md");

    private static async Task<XDocument> Export(TestSite site, string file)
    {
        var (code, _, error) = await CommandLine.RunAsync("xliff", "export", "report-a", "--all", "-o", file, "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        return XDocument.Load(file);
    }

    private static XElement Lead(XDocument xliff) => xliff.Descendants(X + "unit").Single(u => (string)u.Attribute("id")! == "head.1");

    [Fact]
    public void Markdown_becomes_codes_and_the_codes_give_the_same_markdown()
    {
        var coded = CodedText.FromMarkdown(English);

        Assert.Equal("The district built a new service centre, openround the clock, number .", coded.Plain); // codes carry no text
        Assert.Equal(["xlf:b", null, "xlf:lb", null], coded.Codes.Select(c => c.SubType));
        Assert.Equal(English, CodedText.ToMarkdown(coded.Tokens, coded.Codes.ToDictionary(c => c.Id)));
    }

    [Fact]
    public async Task A_paragraphs_markup_goes_out_as_codes_and_comes_back_around_the_new_text()
    {
        using var site = Site();
        var file = Path.Combine(site.Input, "..", "codes.xlf");
        var xliff = await Export(site, file);
        var unit = Lead(xliff);

        // The source: bold and the link as <pc>, the line break and the code as <ph>; their Markdown in originalData.
        var source = unit.Descendants(X + "source").Single();
        Assert.Equal("区里新建了服务中心，24小时开放，编号。", source.Value);
        Assert.Equal(["fmt", "link"], source.Elements(X + "pc").Select(p => (string)p.Attribute("type")!));
        Assert.Equal(["xlf:lb", null], source.Elements(X + "ph").Select(p => (string?)p.Attribute("subType")));
        var data = unit.Element(X + "originalData")!.Elements(X + "data").ToDictionary(d => (string)d.Attribute("id")!, d => d.Value);
        Assert.Contains("**", data.Values);
        Assert.Contains("](https://example.org/centre)", data.Values);
        Assert.Contains("`A-1`", data.Values);

        // The tool rewrites the text and keeps every code where the translator put it.
        var target = unit.Descendants(X + "target").Single();
        target.Element(X + "pc")!.Value = "opened";
        target.Elements(X + "pc").Last().Value = "a service hub";
        target.Nodes().OfType<XText>().First().Value = "The district ";
        target.Parent!.SetAttributeValue("state", "translated");
        xliff.Save(file);
        var (code, _, error) = await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("The district **opened** a new [a service hub](https://example.org/centre), open\\\nround the clock, number `A-1`.", File.ReadAllText(EnglishFile(site)));
    }

    [Theory]
    [InlineData("lost", "it lost <pc id=\"2\"> (a link), which its source has")]
    [InlineData("doubled", "it has <ph id=\"4\"> (code) twice")]
    [InlineData("crossed", "it closes <pc id=\"1\"> (bold) where it is not the last one opened")]
    public async Task A_target_whose_codes_do_not_match_is_refused_and_nothing_written(string how, string why)
    {
        using var site = Site();
        var file = Path.Combine(site.Input, "..", "codes.xlf");
        var xliff = await Export(site, file);
        var target = Lead(xliff).Descendants(X + "target").Single();
        switch (how)
        {
            case "lost":
                var link = target.Elements(X + "pc").Last();
                link.ReplaceWith(new XText(link.Value));
                break;
            case "doubled":
                target.Add(new XElement(target.Elements(X + "ph").Last()));
                break;
            default:
                // <sc>/<ec> for bold and the link, closed in the wrong order.
                var (bold, anchor) = (target.Elements(X + "pc").First(), target.Elements(X + "pc").Last());
                bold.ReplaceWith(new XElement(X + "sc", new XAttribute("id", "1")), new XText(bold.Value));
                anchor.ReplaceWith(new XElement(X + "sc", new XAttribute("id", "2")), new XText(anchor.Value), new XElement(X + "ec", new XAttribute("startRef", "1")), new XElement(X + "ec", new XAttribute("startRef", "2")));
                break;
        }

        xliff.Save(file);
        var before = File.ReadAllText(EnglishFile(site));
        var (code, _, error) = await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input);

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains($"error RA413: unit 'head.1': the target's inline codes do not match: {why}", error);
        Assert.Equal(before, File.ReadAllText(EnglishFile(site)));
    }

    [Fact]
    public async Task A_first_translation_gives_back_the_codes_a_tool_copied_from_the_source()
    {
        using var site = Site(english: false);
        var file = Path.Combine(site.Input, "..", "codes.xlf");
        var (code, _, error) = await CommandLine.RunAsync("xliff", "export", "report-a", "-o", file, "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        var xliff = XDocument.Load(file);
        var title = xliff.Descendants(X + "unit").Single(u => (string)u.Attribute("id")! == "head.title").Element(X + "segment")!;
        title.Add(new XElement(X + "target", "A report"));
        title.SetAttributeValue("state", "translated");

        // The lead's source copied into the target as tools do, codes and all, and part of its text translated.
        var segment = Lead(xliff).Element(X + "segment")!;
        var target = new XElement(X + "target", segment.Element(X + "source")!.Nodes());
        target.Nodes().OfType<XText>().First().Value = "The district ";
        target.Element(X + "pc")!.Value = "built";
        segment.Add(target);
        segment.SetAttributeValue("state", "translated");
        xliff.Save(file);

        (code, _, error) = await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("The district **built**了[服务中心](https://example.org/centre)，24小时\\\n开放，编号`A-1`。", File.ReadAllText(EnglishFile(site)));
    }
}
