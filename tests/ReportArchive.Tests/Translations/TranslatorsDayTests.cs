using System.Text.Json;
using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Tests.Support;
using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>A translator's day, end to end, with a third-party XLIFF library (npm <c>xliff</c>) as the translator's tool: three
/// sections of the seed's original edited (a figure, a name, a new sentence); status shows them stale and counts them; the
/// export keeps the XLIFF 2.0 rules and carries inline codes, the previous source, terms and memory matches; the tool's file
/// that lost a paragraph's bold is refused; the next one, which still has the old figure, is written with a warning and leaves
/// that section stale; the corrected one makes the status clean, and the site shows the new English.</summary>
public class TranslatorsDayTests
{
    private const string Slug = "yanzhou-party-building";
    private static readonly XNamespace X = XliffCommand.Ns;
    private static readonly string Tool = Path.Combine(Paths.Repository, "tests", "xliff-tool");

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLine.RunAsync(args);

    private static XElement Source(XElement unit) => unit.Element(X + "segment")!.Element(X + "source")!;

    private static XElement Target(XElement unit) => unit.Element(X + "segment")!.Element(X + "target")!;

    private static string Bundle(TestSite site, string file) => Path.Combine(site.Bundle(2023, Slug), file);

    private static void Edit(string file, string what, string with)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(what, text);
        File.WriteAllText(file, text.Replace(what, with, StringComparison.Ordinal));
    }

    /// <summary>The seed with a bold phrase in its education section, stamped (its basis kept), and a second report, its copy
    /// of 2022, translated the same: the archive's memory.</summary>
    private static async Task<TestSite> Archive()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        Edit(Bundle(site, "index.zh.md"), "培育“红色导师”", "培育“**红色导师**”");
        Edit(Bundle(site, "index.en.md"), "training “red mentors”", "training “**red mentors**”");
        var copy = site.Bundle(2022, "earlier");
        TempDirectory.Copy(site.Bundle(2023, Slug), copy);
        Edit(Path.Combine(copy, "index.zh.md"), "date: 2023-", "date: 2022-");
        Edit(Path.Combine(copy, "index.zh.md"), "slug: " + Slug, "slug: earlier");
        // The bold is markup the original did not have when its English was stamped: the English, bold too, still holds.
        Assert.Equal(ExitCodes.Success, (await Run("stamp", Slug, "--confirm", "education", "--input", site.Input)).Code);
        Assert.Equal(ExitCodes.Success, (await Run("stamp", "earlier", "--confirm", "education", "--input", site.Input)).Code);
        return site;
    }

    /// <summary>Runs the tool over an exported file: sets these targets (a string, or the source's inline structure with its texts).</summary>
    private static string Fill(string exported, Dictionary<string, object> targets)
    {
        if (!Directory.Exists(Path.Combine(Tool, "node_modules", "xliff")))
        {
            var install = Processes.Run("npm", "ci --no-audit --no-fund", Tool);
            Assert.True(install.Code == 0, "npm ci in tests/xliff-tool failed:\n" + install.Output);
        }

        var (json, output) = (exported + ".json", exported.Replace(".xlf", ".filled.xlf", StringComparison.Ordinal));
        File.WriteAllText(json, JsonSerializer.Serialize(targets));
        var run = Processes.Run("node", ["fill.cjs", exported, output, json], Tool);
        Assert.True(run.Code == 0, "the XLIFF tool failed:\n" + run.Output);
        return output;
    }

    [Fact]
    public async Task Three_edits_of_the_original_go_to_the_tool_and_come_back_checked_and_published()
    {
        using var site = await Archive();
        Edit(Bundle(site, "index.zh.md"), "机关党群系统38个党支部", "机关党群系统40个党支部");
        Edit(Bundle(site, "index.zh.md"), "张大姐在某公司干业务员多年", "李大姐在某公司干业务员多年");
        Edit(Bundle(site, "index.zh.md"), "等十项工程，", "等十项工程（全区共有红色导师120名），");

        // The status names the three stale sections and counts what is left to translate.
        var status = await Run("status", "--input", site.Input);
        Assert.Contains($"  {Slug} (en): party-office stale, procuratorate stale, education stale", status.Out);
        var counts = await Run("status", "--counts", "--input", site.Input);
        Assert.Matches($@"2023/{Slug} +en +education +\d+ +[1-9]\d* +\d+", counts.Out); // the edited paragraph nearly matches the 2022 copy

        // The export: XLIFF 2.0's rules hold; inline codes, the previous source, terms and memory matches travel with the units.
        var exported = Path.Combine(site.Input, "..", "day.xlf");
        Assert.Equal(ExitCodes.Success, (await Run("xliff", "export", Slug, "-o", exported, "--input", site.Input)).Code);
        var xliff = XDocument.Load(exported, LoadOptions.SetLineInfo);
        Assert.Empty(XliffRules.Problems(xliff));
        var units = xliff.Descendants(X + "unit").ToDictionary(u => (string)u.Attribute("id")!);
        var figure = units.Values.Single(u => Source(u).Value.Contains("40个党支部", StringComparison.Ordinal));
        Assert.Contains("38个党支部", figure.Descendants(XliffModules.Ctr + "item").Single().Value);
        Assert.Equal("initial", (string)figure.Element(X + "segment")!.Attribute("state")!);
        Assert.Contains(units["party-office.1"].Descendants(XliffModules.Gls + "term"), t => t.Value == "区委办公室");
        Assert.Contains(figure.Descendants(XliffModules.Mtc + "match"), m => ((string)m.Attribute("origin")!).StartsWith("reports/2022/earlier/", StringComparison.Ordinal));
        var education = units["education.1"];
        Assert.Equal("xlf:b", (string)Source(education).Element(X + "pc")!.Attribute("subType")!);

        // What the translator writes: the name, the new sentence; the bold kept by the tool when asked to.
        var name = units.Values.Single(u => Source(u).Value.Contains("李大姐", StringComparison.Ordinal));
        var english = Target(education).Nodes().Select(n => n is XElement e ? e.Value : ((XText)n).Value).ToList();
        english[^1] = english[^1].Replace("to i", "(the district has 120 red mentors) to i", StringComparison.Ordinal);
        var targets = new Dictionary<string, object>
        {
            [(string)name.Attribute("id")!] = Target(name).Value.Replace("Ms Zhang", "Ms Li", StringComparison.Ordinal),
            ["education.1"] = string.Concat(english), // the tool lost the bold
        };

        var first = await Run("xliff", "import", Fill(exported, targets), "--input", site.Input);
        Assert.Equal(ExitCodes.ContentErrors, first.Code);
        Assert.Contains("error RA413: unit 'education.1': the target's inline codes do not match: it lost <pc id=\"1\"> (bold), which its source has", first.Err);

        // The bold kept; the figure forgotten: written, with a warning, and its section left stale.
        targets["education.1"] = english;
        var second = await Run("xliff", "import", Fill(exported, targets), "--input", site.Input);
        Assert.True(second.Code == ExitCodes.Success, second.Err);
        Assert.Contains("stamped procuratorate, education; not stamped: party-office still stale", second.Out);
        Assert.Matches(@"index\.en\.md\(\d+,1\): warning RA190: the original states '40', which the translation does not \(it states 38", second.Err);
        Assert.Contains("training “**red mentors**”", File.ReadAllText(Bundle(site, "index.en.md")));

        // The figure corrected: every section current, and the site shows the new English.
        targets[(string)figure.Attribute("id")!] = Target(figure).Value.Replace("21 of the 38", "21 of the 40", StringComparison.Ordinal);
        var third = await Run("xliff", "import", Fill(exported, targets), "--input", site.Input);
        Assert.True(third.Code == ExitCodes.Success, third.Err);
        Assert.Contains("2 of 2 translations fully translated and current", (await Run("status", "--input", site.Input)).Out);
        Assert.DoesNotContain((await site.CheckAsync()).Diagnostics, d => d.Code is "RA172" or "RA190");
        Assert.False((await site.BuildAsync()).HasErrors);
        var page = File.ReadAllText(Path.Combine(site.Output, "en", "reports", "2023", Slug, "index.html"));
        Assert.Contains("21 of the 40 Party branches", page);
        Assert.Contains("Ms Li had worked for years", page);
        Assert.Contains("<strong>red mentors</strong>", page);
        Assert.Contains("(the district has 120 red mentors)", page);
    }
}
