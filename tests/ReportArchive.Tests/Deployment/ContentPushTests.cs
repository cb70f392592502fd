using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Deployment;

/// <summary>What a content push meets: the archive's live input/, copied, with a report imported from a newspaper page, one made
/// with <c>new</c> and translated, and an edit of its original that leaves the translation stale, goes through the same
/// validation that pages.yml runs before deploying (.ci/validate-content: check, build, verify, the Nu Html Checker). It passes,
/// with the stale translation reported as a warning. This test reads the live input/ only to show that new content can be added
/// to whatever is there; it asserts nothing about what is there.</summary>
public class ContentPushTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLine.RunAsync(args);

    [Fact]
    public async Task New_reports_and_a_stale_translation_pass_the_validation_a_content_push_runs()
    {
        using var work = new TempDirectory();
        var input = work["input"];
        TempDirectory.Copy(Path.Combine(Paths.Repository, "input"), input);

        var imported = await Run("import", Paths.Fixture("import", "variant-library.txt"), "--input", input, "--slug", "push-test-imported", "--date", "2031-03-15");
        Assert.True(imported.Code == ExitCodes.Success, imported.Err);
        var created = await Run("new", "--title", "城区图书馆延长开放时间", "--date", "2031-03-05", "--slug", "push-test-new", "--input", input);
        Assert.True(created.Code == ExitCodes.Success, created.Err);

        // The new report is written, translated and stamped, then its original is edited: the translation is now stale.
        var bundle = Path.Combine(input, "reports", "2031", "push-test-new");
        var original = Path.Combine(bundle, "index.zh.md");
        File.WriteAllText(original, File.ReadAllText(original).Replace("byline: \"记者 \"", "byline: \"记者 王明\"").Replace("第一节的第一段。", "图书馆从三月起每天开放到晚上九点。"));
        Assert.Equal(ExitCodes.Success, (await Run("translate", "push-test-new", "--input", input)).Code);
        var english = Path.Combine(bundle, "index.en.md");
        var text = File.ReadAllText(english)
            .Replace("\ntitle: \"\"", "\ntitle: \"City library opens longer\"").Replace("\nbyline: \"\"", "\nbyline: \"By Wang Ming\"")
            .Replace("## {#section-1}", "## The first section {#section-1}");
        text = Fill(text, "导语：在这里写报道的第一段。", "The lead.");
        text = Fill(text, "图书馆从三月起每天开放到晚上九点。", "From March the library opens until nine every evening.");
        File.WriteAllText(english, text);
        Assert.Equal(ExitCodes.Success, (await Run("stamp", "push-test-new", "--input", input)).Code);
        File.WriteAllText(original, File.ReadAllText(original).Replace("每天开放到晚上九点。", "每天开放到晚上十点。"));

        var (code, output) = Processes.Run("bash", $"{Path.Combine(Paths.Repository, ".ci", "validate-content")} --input {input} --output {work["site"]} --cache {work["cache"]}",
            Paths.Repository, new Dictionary<string, string> { ["REPORTARCHIVE"] = Path.Combine(AppContext.BaseDirectory, "reportarchive") });

        Assert.True(code == 0, output);
        Assert.Matches(@"index\.en\.md\(\d+,\d+\): warning RA172: stale translation: 'section-1' changed", output);
        Assert.Contains("Nu Html Checker: no errors", output);
        Assert.Contains("content valid", output);
        Assert.True(File.Exists(Path.Combine(work["site"], "en", "reports", "2031", "push-test-new", "index.html")));
        Assert.True(File.Exists(Path.Combine(work["site"], "zh", "reports", "2031", "push-test-imported", "index.html")));
    }

    private static string Fill(string text, string chinese, string english)
    {
        var comment = text.IndexOf("<!-- zh: " + chinese, StringComparison.Ordinal);
        Assert.True(comment >= 0, $"no slot for {chinese} in:\n{text}");
        var end = text.IndexOf("-->", comment, StringComparison.Ordinal) + 3;
        return text[..end] + "\n" + english + text[end..];
    }
}
