using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Translations;

/// <summary>The translator's quality checks in <c>check</c>: one mistake made in the seed's English (or its termbase) per test,
/// and the one warning it gives, at its place.</summary>
public class QaTests
{
    private const string Slug = "yanzhou-party-building";

    private static TestSite Seed()
    {
        var site = new TestSite();
        TempDirectory.Copy(Paths.Seed, site.Input);
        return site;
    }

    private static string English(TestSite site) => Path.Combine(site.Bundle(2023, Slug), "index.en.md");

    private static string Original(TestSite site) => Path.Combine(site.Bundle(2023, Slug), "index.zh.md");

    private static void Replace(string file, string what, string with)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(what, text);
        File.WriteAllText(file, text.Replace(what, with, StringComparison.Ordinal));
    }

    /// <summary>The line (1-based) and column of the first place <paramref name="text"/> stands in a file.</summary>
    private static (int Line, int Column) Place(string file, string text)
    {
        var lines = File.ReadAllLines(file);
        var line = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        return (line + 1, lines[line].IndexOf(text, StringComparison.Ordinal) + 1);
    }

    /// <summary>The one quality warning (an edit of the original also makes its section stale: RA172, not asked for here).</summary>
    private static async Task<Diagnostic> OnlyWarning(TestSite site) => Assert.Single(await QaWarnings(site));

    private static async Task<List<Diagnostic>> QaWarnings(TestSite site) =>
        [.. (await site.CheckAsync()).Diagnostics.Where(d => d.Code != "RA172")];

    [Fact]
    public async Task The_seed_passes_every_check()
    {
        using var site = Seed();
        Assert.Empty((await site.CheckAsync()).Diagnostics);
    }

    [Fact]
    public async Task A_figure_changed_in_the_original_and_not_in_the_english_is_named()
    {
        using var site = Seed();
        Replace(Original(site), "法院判决张大姐还款9000余元", "法院判决张大姐还款9600余元");

        var warning = await OnlyWarning(site);

        Assert.Equal(("RA190", English(site)), (warning.Code, warning.File));
        Assert.Equal((Place(English(site), "“Brother Shang").Line, 1), (warning.Line, warning.Column));
        Assert.Equal("the original states '9600', which the translation does not (it states 9,000): check the figure", warning.Message);
    }

    [Theory]
    [InlineData("660 million yuan", "66 million yuan", "'6.6亿'", "66,000,000")]
    [InlineData("1.16 billion yuan", "1.6 billion yuan", "'11.6亿'", "1,600,000,000")]
    public async Task Chinese_units_are_read_as_values(string english, string wrong, string named, string states)
    {
        using var site = Seed();
        Assert.Empty((await site.CheckAsync()).Diagnostics); // 6.6亿 is 660 million, 11.6亿 1.16 billion
        Replace(English(site), english, wrong);

        var warning = await OnlyWarning(site);

        Assert.Equal("RA190", warning.Code);
        Assert.Contains($"the original states {named}, which the translation does not (it states ", warning.Message);
        Assert.Contains(states, warning.Message);
    }

    [Fact]
    public async Task Full_width_digits_and_months_named_in_words_are_the_same_numbers()
    {
        using var site = Seed();
        Replace(Original(site), "法院判决张大姐还款9000余元", "２０２３年５月，法院判决张大姐还款９０００余元");
        Replace(English(site), "and the court ordered Ms Zhang", "and in May 2023 the court ordered Ms Zhang");
        Assert.Empty(await QaWarnings(site));
    }

    [Fact]
    public async Task Chinese_characters_left_in_the_english_are_found_where_they_stand()
    {
        using var site = Seed();
        Replace(English(site), "said Chen Shiwei", "said 陈士伟 Chen Shiwei");

        var warning = await OnlyWarning(site);

        Assert.Equal("RA191", warning.Code);
        Assert.Equal(Place(English(site), "陈士伟"), (warning.Line, warning.Column));
        Assert.Equal("Chinese characters in the translation ('陈士伟'): translate them, or write the name in its romanised form", warning.Message);
    }

    [Fact]
    public async Task A_quotation_left_open_is_found_at_its_opening_mark()
    {
        using var site = Seed();
        Replace(English(site), "That was so thoughtful!”", "That was so thoughtful!");

        var warning = await OnlyWarning(site);

        Assert.Equal("RA192", warning.Code);
        Assert.Equal(Place(English(site), "“Luckily"), (warning.Line, warning.Column));
        Assert.Equal("'“' is opened and never closed in this text", warning.Message);
    }

    [Fact]
    public async Task A_term_not_translated_as_the_termbase_says_and_a_forbidden_variant_are_named()
    {
        using var site = Seed();
        Replace(English(site), "the district Administrative Approval Service Bureau is also", "the district Administrative Approval Bureau is also");

        var warnings = (await site.CheckAsync()).Diagnostics.OrderBy(d => d.Code, StringComparer.Ordinal).ToList();

        Assert.Equal(["RA193", "RA194", "RA195"], warnings.Select(w => w.Code));
        var line = Place(English(site), "On issues concerning agriculture").Line;
        Assert.Equal((line, 1), (warnings[0].Line, warnings[0].Column));
        Assert.Equal("the original has '区行政审批局', which the termbase (terms.yml, line 19) translates 'Administrative Approval Service Bureau': this translation does not say it", warnings[0].Message);
        Assert.Equal(Place(English(site), "Administrative Approval Bureau"), (warnings[1].Line, warnings[1].Column));
        Assert.Equal("'Administrative Approval Bureau' is a variant the termbase forbids (terms.yml, line 14): write 'Administrative Approval Service Bureau'", warnings[1].Message);
    }

    [Fact]
    public async Task The_seeds_own_inconsistencies_are_found_without_a_termbase()
    {
        using var site = Seed();
        File.Delete(Path.Combine(site.Input, "terms.yml"));
        Replace(English(site), "The District Party Committee Office launches", "The district Party committee office launches");
        Replace(English(site), "the district Administrative Approval Service Bureau is also", "the district Administrative Approval Bureau is also");

        var warnings = (await site.CheckAsync()).Diagnostics.Where(d => d.Code == "RA195").ToList();

        var office = Assert.Single(warnings, w => w.Message.StartsWith("'Party committee office' is written 'Party Committee Office' elsewhere", StringComparison.Ordinal));
        Assert.Equal(Place(English(site), "The district Party committee office").Line, office.Line);
        var bureau = Assert.Single(warnings, w => w.Message.StartsWith("'Administrative Approval Bureau' here and 'Yanzhou District Administrative Approval Service Bureau'", StringComparison.Ordinal));
        Assert.Equal(Place(English(site), "the district Administrative Approval Bureau").Line, bureau.Line);
    }

    [Fact]
    public async Task A_termbase_that_is_not_a_mapping_of_terms_is_an_error_at_its_line()
    {
        using var site = Seed();
        File.WriteAllText(Path.Combine(site.Input, "terms.yml"), "区委:\n  en: district Party committee\n区委办公室: District Party Committee Office\n");

        var result = await site.CheckAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("RA103", 3), (error.Code, error.Line));
        Assert.Contains("term '区委办公室' must be a mapping of its translations", error.Message);
    }
}
