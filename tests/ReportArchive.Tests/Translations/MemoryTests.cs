using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Tests.Support;
using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>The archive as translation memory and the termbase beside the slots: a second report that repeats the seed's
/// paragraphs gets them filled in for review, one that changes a figure gets a fuzzy match with its similarity and origin,
/// the terms of each paragraph are shown, XLIFF carries both (gls, mtc), and TMX goes out and comes back.</summary>
public class MemoryTests
{
    private const string Seed = "yanzhou-party-building";

    /// <summary>The seed, and a report of 2024 ("second") whose original is the seed's with one figure changed, not translated.</summary>
    private static TestSite Archive()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        var second = site.Bundle(2024, "second");
        Directory.CreateDirectory(second);
        TempDirectory.Copy(Path.Combine(site.Bundle(2023, Seed), "photos"), Path.Combine(second, "photos"));
        var original = File.ReadAllText(Path.Combine(site.Bundle(2023, Seed), "index.zh.md"))
            .Replace("date: 2023-", "date: 2024-", StringComparison.Ordinal).Replace("slug: " + Seed, "slug: second", StringComparison.Ordinal)
            .Replace("法院判决张大姐还款9000余元", "法院判决张大姐还款9500余元", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(second, "index.zh.md"), original);
        return site;
    }

    private static string English(TestSite site) => Path.Combine(site.Bundle(2024, "second"), "index.en.md");

    [Fact]
    public async Task Translate_fills_what_the_archive_has_translated_and_offers_what_it_nearly_has()
    {
        using var site = Archive();

        var (code, output, error) = await CommandLine.RunAsync("translate", "second", "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("slots filled from the archive's memory (the same text translated before): review them", output);
        var text = File.ReadAllText(English(site));
        Assert.Contains("<!-- memory 100%: the same text in reports/2023/yanzhou-party-building/index.en.md#party-office.1, filled in: review it -->\n\n<!-- zh: 兖州区委办公室党支部", text);
        Assert.Contains("The Party branch of the Yanzhou District Party Committee Office", text);
        Assert.Matches(@"<!-- memory 9\d(\.\d)?% from reports/2023/yanzhou-party-building/index\.en\.md#procuratorate\.2: “老尚大哥.*9000余元.* = “Brother Shang.*9,000 yuan.* -->\n\n<!-- zh: “老尚大哥", text);
        Assert.Contains("<!-- terms: 区委办公室 = District Party Committee Office; 兖州区委 = Yanzhou District Party Committee -->", text);

        // Once a part is done (its heading written) and stamped, the hints go with its slot comments.
        File.WriteAllText(English(site), File.ReadAllText(English(site)).Replace("## {#party-office}", "## Party Building Grows Stronger {#party-office}", StringComparison.Ordinal));
        var stamped = await CommandLine.RunAsync("stamp", "second", "--section", "party-office", "--input", site.Input);
        Assert.True(stamped.Code == ExitCodes.Success, stamped.Err);
        var part = File.ReadAllText(English(site)).Split("{#party-office}")[1].Split("<!-- zh heading:")[0]; // up to the next section's slots
        Assert.DoesNotContain("<!--", part);
    }

    [Fact]
    public async Task Xliff_carries_the_terms_and_the_memory_matches_of_each_unit()
    {
        using var site = Archive();
        var file = Path.Combine(site.Input, "..", "second.xlf");

        var (code, _, error) = await CommandLine.RunAsync("xliff", "export", "second", "-o", file, "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        var units = XDocument.Load(file).Descendants(XliffCommand.Ns + "unit").ToDictionary(u => (string)u.Attribute("id")!);
        var entry = units["party-office.1"].Descendants(XliffModules.Gls + "glossEntry").First();
        Assert.Equal("区委办公室", entry.Element(XliffModules.Gls + "term")!.Value);
        Assert.Equal("District Party Committee Office", entry.Element(XliffModules.Gls + "translation")!.Value);
        var exact = units["party-office.1"].Descendants(XliffModules.Mtc + "match").Single();
        Assert.Equal(("#s1", "100.0", "reports/2023/yanzhou-party-building/index.en.md#party-office.1"),
            ((string)exact.Attribute("ref")!, (string)exact.Attribute("similarity")!, (string)exact.Attribute("origin")!));
        Assert.Equal("s1", (string)units["party-office.1"].Element(XliffCommand.Ns + "segment")!.Attribute("id")!);
        var fuzzy = units["procuratorate.2"].Descendants(XliffModules.Mtc + "match").Single();
        Assert.InRange(double.Parse((string)fuzzy.Attribute("similarity")!, System.Globalization.CultureInfo.InvariantCulture), 90, 99.9);
        Assert.Contains("9,000 yuan", fuzzy.Element(XliffCommand.Ns + "target")!.Value);
    }

    [Fact]
    public async Task Tmx_goes_out_and_a_tools_memory_comes_in_as_matches()
    {
        using var site = Archive();
        var tmx = Path.Combine(site.Input, "..", "archive.tmx");
        var (code, output, error) = await CommandLine.RunAsync("tm", "export", "-o", tmx, "--input", site.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("36 translation units, zh-Hans -> en", output);
        var document = XDocument.Load(tmx);
        Assert.Equal("1.4", (string)document.Root!.Attribute("version")!);
        var tu = document.Descendants("tu").First();
        Assert.Equal(["zh-Hans", "en"], tu.Elements("tuv").Select(v => (string)v.Attribute(XNamespace.Xml + "lang")!));

        // Another archive, without the seed's English: the TMX (in a tool's tags, zh-CN and en-GB) is its memory.
        using var other = Archive();
        File.Delete(Path.Combine(other.Bundle(2023, Seed), "index.en.md"));
        foreach (var tuv in document.Descendants("tuv"))
        {
            tuv.SetAttributeValue(XNamespace.Xml + "lang", (string)tuv.Attribute(XNamespace.Xml + "lang")! == "en" ? "en-GB" : "zh-CN");
        }

        document.Save(tmx);
        (code, output, error) = await CommandLine.RunAsync("tm", "import", tmx, "--input", other.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Kept 36 translation units", output);
        Assert.True(File.Exists(Path.Combine(other.Input, "memory", "archive.tmx")));

        (code, _, error) = await CommandLine.RunAsync("translate", "second", "--input", other.Input);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("The Party branch of the Yanzhou District Party Committee Office", File.ReadAllText(English(other)));
        Assert.Contains("the same text in memory/archive.tmx#reports/2023/yanzhou-party-building/index.en.md#party-office.1", File.ReadAllText(English(other)));

        File.WriteAllText(tmx, "<tmx version=\"1.4\"><body><tu>");
        (code, _, error) = await CommandLine.RunAsync("tm", "import", tmx, "--input", other.Input);
        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA420: malformed XML", error);
    }

    [Fact]
    public async Task Status_counts_the_original_new_fuzzy_and_exact_as_an_agency_quotes()
    {
        using var site = Archive();

        var (code, output, error) = await CommandLine.RunAsync("status", "--counts", "--input", site.Input);

        Assert.True(code == ExitCodes.Success, error);
        var lines = output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd(), " {2,}", " | ")).ToList();
        Assert.Equal("report | language | part | original characters: new | fuzzy | exact | total | translated", lines[0]);
        // The second report repeats the seed, whose English the archive has: all exact but the paragraph with the changed figure.
        var procuratorate = Assert.Single(lines, l => l.StartsWith("2024/second | en | procuratorate |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal("0", procuratorate[3]);
        Assert.NotEqual("0", procuratorate[4]);
        Assert.Equal(int.Parse(procuratorate[6], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(procuratorate[4], System.Globalization.CultureInfo.InvariantCulture) + int.Parse(procuratorate[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0 words", procuratorate[7]);
        // The seed's own text is no match for itself: it is new, its English counted in words.
        var seed = Assert.Single(lines, l => l.StartsWith("2023/yanzhou-party-building | en | finance |", StringComparison.Ordinal)).Split(" | ");
        Assert.Equal((seed[3], "0", "0"), (seed[6], seed[4], seed[5]));
        Assert.Matches("^[0-9]+ words$", seed[7]);

        var json = System.Text.Json.JsonDocument.Parse((await CommandLine.RunAsync("status", "--counts", "--json", "--input", site.Input)).Out).RootElement;
        var part = json.EnumerateArray().First(r => r.GetProperty("slug").GetString() == "second").GetProperty("counts").EnumerateArray().First(p => p.GetProperty("key").GetString() == "procuratorate");
        Assert.Equal(part.GetProperty("new").GetInt32() + part.GetProperty("fuzzy").GetInt32() + part.GetProperty("exact").GetInt32(), part.GetProperty("source").GetInt32());
    }
}
