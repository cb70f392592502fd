using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Translations;

/// <summary>The termbase out as TBX-Basic and back: the same terms, translations, notes and forbidden variants; a TBX of 2019
/// from another tool adds its terms; a term the archive has is never changed by an import.</summary>
public class TermbaseTests
{
    private static TestSite Seed()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        return site;
    }

    private static Termbase Load(TestSite site) =>
        Termbase.Load(site.Input, Path.Combine(site.Input, Termbase.FileName), LanguageSet.Default, []) ?? throw new InvalidOperationException("termbase");

    [Fact]
    public async Task Terms_go_out_as_tbx_and_come_back_the_same()
    {
        using var site = Seed();
        var before = Load(site);
        var tbx = Path.Combine(site.Input, "..", "terms.tbx");

        var (code, output, error) = await CommandLine.RunAsync("terms", "export", "-o", tbx, "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains($"{before.Terms.Length} terms of terms.yml as TBX-Basic", output);
        var document = XDocument.Load(tbx);
        Assert.Equal(("martif", "TBX-Basic"), (document.Root!.Name.LocalName, (string)document.Root.Attribute("type")!));
        var bureau = document.Descendants("termEntry").Single(e => e.Descendants("term").First().Value == "区行政审批服务局");
        Assert.Equal(["preferredTerm-admn-sts", "deprecatedTerm-admn-sts"], bureau.Descendants("termNote").Select(n => n.Value));

        File.Delete(Path.Combine(site.Input, Termbase.FileName));
        (code, output, error) = await CommandLine.RunAsync("terms", "import", tbx, "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains($"Added {before.Terms.Length} terms", output);
        var after = Load(site);
        Assert.Equal(before.Terms.Select(Describe), after.Terms.Select(Describe));
        Assert.Empty((await site.CheckAsync()).Diagnostics);
    }

    [Fact]
    public async Task A_tbx_of_2019_adds_its_new_terms_and_leaves_the_archives_own()
    {
        using var site = Seed();
        var tbx = Path.Combine(site.Input, "..", "tool.tbx");
        File.WriteAllText(tbx, """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <text><body>
                <conceptEntry id="c1">
                  <langSec xml:lang="zh-CN"><termSec><term>区财政局</term></termSec></langSec>
                  <langSec xml:lang="en-GB"><termSec><term>District Finance Bureau</term></termSec>
                    <termSec><term>Finance Office</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
                </conceptEntry>
                <conceptEntry id="c2">
                  <langSec xml:lang="zh"><termSec><term>区委办公室</term></termSec></langSec>
                  <langSec xml:lang="en"><termSec><term>General Office of the District Committee</term></termSec></langSec>
                </conceptEntry>
              </body></text>
            </tbx>
            """);

        var (code, output, error) = await CommandLine.RunAsync("terms", "import", tbx, "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Added 1 term of", output);
        Assert.Contains("kept as terms.yml has them: 区委办公室 (the file translates them otherwise)", output);
        var terms = Load(site).Terms.ToDictionary(t => t.Source);
        Assert.Equal("District Finance Bureau", terms["区财政局"].Targets["en"]);
        Assert.Equal(["Finance Office"], terms["区财政局"].Forbidden["en"].ToArray());
        Assert.Equal("District Party Committee Office", terms["区委办公室"].Targets["en"]);

        File.WriteAllText(tbx, "<html><body>not a termbase</body></html>");
        (code, _, error) = await CommandLine.RunAsync("terms", "import", tbx, "--input", site.Input);
        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA421: not a TBX file", error);
    }

    private static string Describe(Term t) =>
        $"{t.Source}|{string.Join(",", t.Targets.OrderBy(x => x.Key).Select(x => x.Key + "=" + x.Value))}|{t.Note}|{string.Join(",", t.Forbidden.SelectMany(f => f.Value))}";
}
