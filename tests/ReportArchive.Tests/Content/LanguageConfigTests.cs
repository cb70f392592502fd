using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Content;

/// <summary>The languages of site.yml: a mistake in them is an error at its line, and content in a language the archive does not
/// have is said to be unpublished.</summary>
public class LanguageConfigTests
{
    private const string TwoLanguages = """
        languages:
          zh:
            tag: zh-Hans
            name: 中文
            original: true
            date_format: yyyy年M月d日
            reading_unit: characters
          en:
            tag: en
            name: English
            date_format: MMMM d, yyyy

        """;

    [Fact]
    public async Task Languages_written_out_build_the_same_site_as_the_default()
    {
        using var implicitly = new TestSite("valid", "small");
        using var explicitly = new TestSite("valid", "small");
        File.AppendAllText(Path.Combine(explicitly.Input, "site.yml"), TwoLanguages.Replace("yyyy年M月d日\n", "yyyy年M月d日\n    month_format: yyyy年M月\n", StringComparison.Ordinal)
            .Replace("MMMM d, yyyy\n", "MMMM d, yyyy\n    month_format: MMMM yyyy\n    og_locale: en_US\n", StringComparison.Ordinal)
            .Replace("reading_unit: characters\n", "reading_unit: characters\n    og_locale: zh_CN\n", StringComparison.Ordinal));

        var (a, b) = (await implicitly.BuildAsync(), await explicitly.BuildAsync());

        Assert.Empty(a.Diagnostics);
        Assert.Empty(b.Diagnostics);
        Assert.Equal(a.Files.Select(f => f.Path), b.Files.Select(f => f.Path));
        Assert.Equal(implicitly.Read("en/reports/2023/report-a/index.html"), explicitly.Read("en/reports/2023/report-a/index.html"));
    }

    [Theory]
    [InlineData("original: true", "original: false", "exactly one language must be the original ('original: true'); none is")]
    [InlineData("    tag: en\n", "    tag: en\n    original: true\n", "exactly one language must be the original ('original: true'); 2 are")]
    [InlineData("tag: en", "tag: english!", "'english!' is not a language tag such as zh-Hans, zh-Hant or en")]
    [InlineData("date_format: MMMM d, yyyy", "date_format: '%'", "'%' is not a date format")]
    [InlineData("  en:", "  EN:", "the language key 'EN' names folders and files: use lower-case ASCII letters, digits and '-'")]
    [InlineData("reading_unit: characters", "reading_unit: lines", "'reading_unit: lines' of the language 'zh' must be 'characters'")]
    [InlineData("    name: English\n", "", "the language 'en' needs 'name'")]
    [InlineData("    tag: en\n", "    tag: zh-hans\n", "the languages 'zh' and 'en' share the tag 'zh-Hans'")]
    public async Task A_mistake_in_the_languages_is_an_error_and_nothing_is_built(string from, string to, string message)
    {
        using var site = new TestSite("valid", "small");
        var yaml = TwoLanguages.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(TwoLanguages, yaml);
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), yaml);

        var result = await site.BuildAsync();

        Assert.False(result.Written);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "RA116");
        Assert.EndsWith("site.yml", error.File);
        Assert.True(error.Line >= 8, $"line {error.Line}");
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_title_without_a_value_in_a_language_of_the_archive_is_an_error()
    {
        using var site = new TestSite("valid", "small");
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), TwoLanguages + "  zh-hant:\n    tag: zh-Hant\n    name: 繁體中文\n    date_format: yyyy年M月d日\n");

        var result = await site.CheckAsync();

        Assert.Contains(result.Diagnostics, d => d.Code == "RA105" && d.Message == "'title' has no value in 'zh-hant': it needs one in each language ('zh', 'en', 'zh-hant')");
        Assert.Contains(result.Diagnostics, d => d.Code == "RA105" && d.File.EndsWith("taxonomy.yml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_language_file_in_no_language_of_the_archive_is_a_warning_and_is_not_published()
    {
        using var site = new TestSite("valid", "small");
        File.WriteAllText(Path.Combine(site.Bundle(2023, "report-a"), "index.fr.md"), "---\ntitle: Un rapport\n---\n\nTexte.\n");

        var result = await site.BuildAsync();

        var warning = DiagnosticAssert.Single(result, "RA133");
        Assert.EndsWith("index.fr.md", warning.File);
        Assert.Contains("site.yml lists zh, en", warning.Message);
        Assert.True(result.Written);
        Assert.DoesNotContain(result.Files, f => f.Path.StartsWith("fr/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_language_without_its_interface_strings_in_the_theme_is_an_error()
    {
        using var site = new TestSite("valid", "small");
        File.WriteAllText(Path.Combine(site.Input, "site.yml"), File.ReadAllText(Path.Combine(site.Input, "site.yml")).Replace("  en: A small archive for tests.\n", "  en: A small archive for tests.\n  fr: Une petite archive.\n", StringComparison.Ordinal)
            .Replace("  en: Test Archive\n", "  en: Test Archive\n  fr: Archive de test\n", StringComparison.Ordinal)
            + TwoLanguages + "  fr:\n    tag: fr\n    name: Français\n    date_format: d MMMM yyyy\n");
        File.WriteAllText(Path.Combine(site.Input, "taxonomy.yml"), File.ReadAllText(Path.Combine(site.Input, "taxonomy.yml")).Replace("    en: District Finance Bureau\n", "    en: District Finance Bureau\n    fr: Bureau des finances\n", StringComparison.Ordinal)
            .Replace("    en: Education\n", "    en: Education\n    fr: Éducation\n", StringComparison.Ordinal));

        var result = await site.CheckAsync();

        var error = DiagnosticAssert.Single(result, "RA100");
        Assert.EndsWith("fr.yml", error.File);
        Assert.Contains("the theme's fr strings are missing", error.Message);
    }
}
