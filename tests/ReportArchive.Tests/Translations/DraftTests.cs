using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Tests.Support;
using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>A target in state <c>initial</c> (an unconfirmed draft, a machine translation) is kept as a draft: written, listed in
/// <c>drafts:</c>, not stamped, and not published as finished: left to the original by default, or labelled as a draft when the
/// site says so; stamping it after review publishes it.</summary>
public class DraftTests
{
    private const string Slug = "yanzhou-party-building";
    private const string Draft = "MACHINE DRAFT of the party office's first paragraph.";

    private static string English(TestSite site) => Path.Combine(site.Bundle(2023, Slug), "index.en.md");

    private static string Page(TestSite site) => File.ReadAllText(Path.Combine(site.Output, "en", "reports", "2023", Slug, "index.html"));

    /// <summary>The seed, its party-office section given back by a tool with a first paragraph machine-translated (state initial).</summary>
    private static async Task<TestSite> WithDraft()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        var file = Path.Combine(site.Input, "..", "all.xlf");
        Assert.Equal(ExitCodes.Success, (await CommandLine.RunAsync("xliff", "export", Slug, "--all", "-o", file, "--input", site.Input)).Code);
        var xliff = XDocument.Load(file);
        var segment = xliff.Descendants(XliffCommand.Ns + "unit").Single(u => (string)u.Attribute("id")! == "party-office.1").Element(XliffCommand.Ns + "segment")!;
        segment.Element(XliffCommand.Ns + "target")!.Value = Draft;
        segment.SetAttributeValue("state", "initial");
        xliff.Save(file);
        var (code, output, error) = await CommandLine.RunAsync("xliff", "import", file, "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("not stamped: party-office left as a draft (a target in state initial)", output);
        return site;
    }

    [Fact]
    public async Task A_draft_is_written_listed_and_left_to_the_original_until_it_is_stamped()
    {
        using var site = await WithDraft();
        var english = File.ReadAllText(English(site));
        Assert.Contains("\ndrafts: [party-office]\n", english);
        Assert.Contains(Draft, english);

        var build = await site.BuildAsync();
        var warning = Assert.Single(build.Diagnostics, d => d.Code == "RA174");
        Assert.Equal(Array.IndexOf(File.ReadAllLines(English(site)), "drafts: [party-office]") + 1, warning.Line);
        Assert.Contains(build.Diagnostics, d => d.Code == "RA190"); // the quality checks read the draft too: its figure is missing
        Assert.Equal($"'party-office' is a draft translation, not published (the original is shown): review it, then 'stamp {Slug} --section party-office'", warning.Message);
        var page = Page(site);
        Assert.DoesNotContain("MACHINE DRAFT", page);
        Assert.Contains($"<p class=\"untranslated\"><a href=\"/ReportArchive/zh/reports/2023/{Slug}/#party-office\"", page);
        Assert.Contains("The Yanzhou District People's Procuratorate", page); // the other sections as they were
        var status = await CommandLine.RunAsync("status", "--json", "--input", site.Input);
        var parts = System.Text.Json.JsonDocument.Parse(status.Out).RootElement[0].GetProperty("parts").EnumerateArray();
        Assert.Equal("draft", parts.Single(p => p.GetProperty("key").GetString() == "party-office").GetProperty("state").GetString());

        // Reviewed and stamped, it is published and no longer a draft.
        var (code, _, error) = await CommandLine.RunAsync("stamp", Slug, "--section", "party-office", "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.DoesNotContain("drafts:", File.ReadAllText(English(site)));
        Assert.DoesNotContain((await site.BuildAsync()).Diagnostics, d => d.Code == "RA174");
        Assert.Contains("MACHINE DRAFT", Page(site));
    }

    [Fact]
    public async Task A_site_that_labels_drafts_publishes_them_saying_so()
    {
        using var site = await WithDraft();
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "translation_drafts: label\n");

        var build = await site.BuildAsync();

        Assert.Contains("published with a label saying so", Assert.Single(build.Diagnostics, d => d.Code == "RA174").Message);
        var page = Page(site);
        var section = page[page.IndexOf("id=\"party-office\"", StringComparison.Ordinal)..];
        Assert.StartsWith("<p class=\"draft\">Draft translation: not yet reviewed by a translator, and it may change.</p>", section[(section.IndexOf("</h2>", StringComparison.Ordinal) + 5)..].TrimStart());
        Assert.Contains("MACHINE DRAFT", section);

        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "translation_drafts: sometimes\n");
        Assert.Contains((await site.CheckAsync()).Diagnostics, d => d.Code is "RA104" or "RA101");
    }
}
