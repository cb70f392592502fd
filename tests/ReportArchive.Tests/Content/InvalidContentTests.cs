using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Content;

/// <summary>Each folder under Fixtures/invalid is one broken archive; check must name the file, the line and the problem.</summary>
public class InvalidContentTests
{
    [Theory]
    [InlineData("no-front-matter", "RA110", "report-a/index.zh.md", 1, "no front matter")]
    [InlineData("malformed-yaml", "RA101", "report-a/index.zh.md", 5, "malformed YAML")]
    [InlineData("unknown-key", "RA102", "report-a/index.zh.md", 4, "unknown front matter key 'auther'")]
    [InlineData("bad-date", "RA115", "report-a/index.zh.md", 3, "date '2023-02-30' is not a real date")]
    [InlineData("unknown-department", "RA150", "report-a/index.zh.md", 6, "unknown department 'police'")]
    [InlineData("unknown-topic", "RA150", "report-a/index.zh.md", 5, "unknown topic 'sports'")]
    [InlineData("section-id-mismatch", "RA160", "report-a/index.en.md", 10, "section id 'one' is not in index.zh.md")]
    [InlineData("missing-figure", "RA140", "report-a/index.zh.md", 12, "the photo 'photos/missing.jpg' does not exist")]
    [InlineData("missing-section-id", "RA121", "report-a/index.zh.md", 8, "this section heading has no id")]
    public async Task Check_reports_the_error_with_file_and_line(string fixture, string code, string file, int line, string message)
    {
        using var site = new TestSite("invalid", fixture);
        var result = await site.CheckAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.EndsWith(file, error.File.Replace('\\', '/'));
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
        Assert.Matches(@"\(\d+,\d+\): error RA\d{3}: ", error.ToString());
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Two_reports_with_one_slug_are_both_reported()
    {
        using var site = new TestSite("invalid", "duplicate-slug");
        var result = await site.CheckAsync();

        var errors = result.Diagnostics.Where(d => d.Code == "RA132").ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(4, e.Line));
        Assert.Contains(errors, e => e.File.EndsWith("report-a/index.zh.md") && e.Message.Contains("report-b/index.zh.md"));
        Assert.Contains(errors, e => e.File.EndsWith("report-b/index.zh.md") && e.Message.Contains("report-a/index.zh.md"));
    }

    [Fact]
    public async Task A_paragraph_count_mismatch_is_a_warning_and_the_site_still_builds()
    {
        using var site = new TestSite("invalid", "paragraph-count-mismatch");
        var result = await site.BuildAsync();

        var warning = DiagnosticAssert.Single(result, "RA163");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.EndsWith("report-a/index.en.md", warning.File);
        Assert.Equal(10, warning.Line);
        Assert.Contains("section 'first' has 3 paragraphs here and 2 in the original", warning.Message);
        Assert.True(result.Written);
    }

    [Fact]
    public async Task An_edit_of_the_original_marks_only_that_section_of_the_translation_stale()
    {
        using var site = new TestSite("invalid", "stale-translation");
        var result = await site.CheckAsync();

        var stale = DiagnosticAssert.Single(result, "RA172");
        Assert.Equal(Severity.Warning, stale.Severity);
        Assert.EndsWith("report-a/index.en.md", stale.File);
        Assert.Equal(5, stale.Line); // the 'first:' entry of translation_of
        Assert.Contains("stale translation: 'first' changed", stale.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("'head'"));
    }

    [Fact]
    public async Task Photos_outside_the_report_folder_and_remote_photos_are_refused()
    {
        using var site = new TestSite("invalid", "photo-outside");
        var result = await site.BuildAsync();

        var errors = result.Diagnostics.Where(d => d.Code == "RA141").OrderBy(d => d.Line).ToList();
        Assert.Equal([8, 10, 12], errors.Select(e => e.Line));
        Assert.Contains("points outside the report's folder", errors[0].Message);
        Assert.Contains("points outside the report's folder", errors[1].Message);
        Assert.Contains("remote address", errors[2].Message);
        Assert.False(result.Written);
    }

    [Fact]
    public async Task A_translation_without_translation_of_is_an_error_that_points_to_stamp()
    {
        using var site = new TestSite("valid", "small");
        var en = Path.Combine(site.Bundle(2023, "report-a"), "index.en.md");
        File.WriteAllLines(en, File.ReadAllLines(en).Where(l => !l.StartsWith("translation_of") && !l.StartsWith("  ")));

        var result = await site.CheckAsync();

        var error = DiagnosticAssert.Single(result, "RA170");
        Assert.Contains("run 'stamp report-a'", error.Message);
    }

    [Fact]
    public async Task A_bundle_with_a_translation_but_no_original_is_an_error()
    {
        using var site = new TestSite("valid", "small");
        File.Delete(Path.Combine(site.Bundle(2023, "report-a"), "index.zh.md"));

        var result = await site.CheckAsync();

        Assert.Contains("no original (中文): add index.zh.md", DiagnosticAssert.Single(result, "RA130").Message);
    }

    [Fact]
    public async Task An_unknown_site_configuration_key_is_an_error()
    {
        using var site = new TestSite("valid", "small");
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "base_ulr: https://example.org/\n");

        var result = await site.CheckAsync();

        var error = DiagnosticAssert.Single(result, "RA102");
        Assert.EndsWith("site.yml", error.File);
        Assert.Equal(8, error.Line);
        Assert.Contains("Did you mean 'base_url'?", error.Message);
    }
}
