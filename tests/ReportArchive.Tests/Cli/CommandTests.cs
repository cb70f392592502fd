using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Cli;

/// <summary>The command line's exit codes and messages: 0 done, 1 content errors, 2 usage.</summary>
public class CommandTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CommandLine.RunAsync(args);

    [Fact]
    public async Task Build_writes_the_site_and_prints_a_summary()
    {
        using var site = new TestSite("valid", "small");
        var (code, output, _) = await Run("build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Built: 2 reports, 25 pages, 0 photos (0 encoded, 0 reused), 0 errors, 0 warnings", output);
        Assert.True(File.Exists(Path.Combine(site.Output, "index.html")));
    }

    [Fact]
    public async Task Build_with_timings_prints_each_stage_in_the_order_it_ended()
    {
        using var site = new TestSite("valid", "small");
        var (code, output, _) = await Run("build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--timings");

        Assert.Equal(ExitCodes.Success, code);
        var stages = output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(\w+) +[\d.]+ s -> +[\d.]+ s  \([\d.]+ s\)$"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(new[] { "Assets", "Config", "Content", "Keep", "Output", "Pages", "Photos", "Publish", "Search", "Write" }, stages.Order(StringComparer.Ordinal));
        Assert.Equal("Write", stages[^1]);
        Assert.True(stages.IndexOf("Content") < stages.IndexOf("Pages") && stages.IndexOf("Pages") < stages.IndexOf("Publish"));
        Assert.True(stages.IndexOf("Content") < stages.IndexOf("Keep"));
        Assert.True(stages.IndexOf("Output") < stages.IndexOf("Pages") && stages.IndexOf("Output") < stages.IndexOf("Search"));
        Assert.Matches(@"\nContent: 2 bundles read, 0 as the last build read them\n", output.ReplaceLineEndings("\n"));
        Assert.Matches(@"\nPages: [1-9][\d,]* rendered, 0 taken as the spare holds them \(those of 0 reports of 2\)\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Check_reports_content_errors_with_exit_code_1_and_writes_nothing()
    {
        using var site = new TestSite("invalid", "bad-date");
        var (code, output, errors) = await Run("check", "--input", site.Input, "--theme", Paths.Theme);

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Matches(@"index\.zh\.md\(3,1\): error RA115: date '2023-02-30'", errors);
        Assert.Contains("nothing was written", output);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Build_with_content_errors_exits_1()
    {
        using var site = new TestSite("invalid", "unknown-key");
        var (code, _, errors) = await Run("build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output);
        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA102", errors);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("biuld")]
    [InlineData("build", "--bogus")]
    [InlineData("import")]
    [InlineData("build", "--base-url")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var (code, _, errors) = await Run(args);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task An_invalid_base_url_is_an_error_naming_the_option()
    {
        using var site = new TestSite("valid", "small");
        var (code, _, errors) = await Run("build", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--base-url", "not a url");
        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("--base-url(1,1): error RA104", errors);
    }

    [Fact]
    public async Task Help_lists_the_commands()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(ExitCodes.Success, code);
        foreach (var command in new[] { "build", "check", "import", "status" })
        {
            Assert.Contains(command, output);
        }
    }

    [Fact]
    public async Task Import_writes_a_draft_bundle_that_check_accepts()
    {
        using var site = new TestSite();
        var (code, output, warnings) = await Run("import", Paths.Fixture("import", "seed-yanzhou.txt"), "--input", site.Input, "--slug", "yanzhou");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("5 sections, 25 paragraphs, 3 photos", output);
        Assert.Contains("warning RA310: the date 2023-07 is inferred", warnings);
        Assert.True(File.Exists(Path.Combine(site.Bundle(2023, "yanzhou"), "index.zh.md")));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site.Bundle(2023, "yanzhou"), "photos")).Length);

        var (checkCode, _, checkErrors) = await Run("check", "--input", site.Input, "--theme", Paths.Theme);
        Assert.Equal(ExitCodes.Success, checkCode);
        Assert.DoesNotContain("error", checkErrors);

        var (again, _, refusal) = await Run("import", Paths.Fixture("import", "seed-yanzhou.txt"), "--input", site.Input, "--slug", "yanzhou");
        Assert.Equal(ExitCodes.ContentErrors, again);
        Assert.Contains("already exists", refusal);
    }

    [Theory]
    [InlineData(new byte[0], "RA301", "the file is empty")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "RA303", "the file is a JPEG image, not text")]
    [InlineData(new byte[] { 0x41, 0, 0, 0x01, 0x02, 0x03, 0x04, 0x05 }, "RA303", "binary")]
    public async Task Import_of_an_unusable_file_is_a_clear_error(byte[] bytes, string errorCode, string message)
    {
        using var site = new TestSite();
        var file = Path.Combine(site.Input, "raw.txt");
        File.WriteAllBytes(file, bytes);

        var (code, _, errors) = await Run("import", file, "--input", site.Input, "--date", "2023-01-01");

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Matches($@"raw\.txt\(\d+,1\): error {errorCode}: ", errors);
        Assert.Contains(message, errors);
        Assert.False(Directory.Exists(Path.Combine(site.Input, "reports")));
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_a_clear_error()
    {
        using var site = new TestSite();
        var (code, _, errors) = await Run("import", Path.Combine(site.Input, "nope.txt"), "--input", site.Input);
        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("nope.txt(1,1): error RA300: the file does not exist", errors);
    }

    [Fact]
    public async Task Status_lists_missing_and_stale_translations_per_section()
    {
        using var site = new TestSite("valid", "small");
        TempDirectory.Copy(Paths.Fixture("invalid", "stale-translation", "reports"), Path.Combine(site.Input, "reports"));
        Directory.Move(site.Bundle(2023, "report-a"), site.Bundle(2023, "report-b"));
        TempDirectory.Copy(Paths.Fixture("valid", "small", "reports"), Path.Combine(site.Input, "reports"));

        var (code, output, _) = await Run("status", "--input", site.Input);

        Assert.Equal(ExitCodes.Success, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd(), " {2,}", " | ")).ToList();
        Assert.Equal("report | language | translation | sections current / new / stale / draft / partial / missing | head | untranslated slots", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2023/report-a | en | published | 1 / 0 / 0 / 0 / 0 / 0 | current | 0 of ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2023/report-b | en | published | 0 / 0 / 1 / 0 / 0 / 0 | current | 0 of ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2022/chinese-only | en | none | 0 / 0 / 0 / 0 / 0 / 0 | missing | ", StringComparison.Ordinal));
        Assert.Contains("1 of 3 translations fully translated and current (3 reports, 1 translation language)", lines);
        Assert.Contains("\n  report-b (en): first stale\n", output.ReplaceLineEndings("\n"));

        var (jsonCode, json, _) = await Run("status", "--json", "--input", site.Input);
        Assert.Equal(ExitCodes.Success, jsonCode);
        var rows = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("slug").GetString()!);
        Assert.Equal(1, rows["report-b"].GetProperty("sections").GetProperty("stale").GetInt32());
        Assert.False(rows["report-b"].GetProperty("complete").GetBoolean());
        Assert.True(rows["report-a"].GetProperty("complete").GetBoolean());
        Assert.Equal("none", rows["chinese-only"].GetProperty("translation").GetString());
        Assert.Equal("en", rows["chinese-only"].GetProperty("language").GetString());
    }

    [Fact]
    public void In_github_actions_diagnostics_are_also_workflow_annotations()
    {
        var writer = new StringWriter();
        DiagnosticPrinter.Print([ReportArchive.Build.Diagnostic.Error("RA115", "input/reports/2023/a/index.zh.md", 3, "date 'x' is not a real date")], writer, actions: true);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("input/reports/2023/a/index.zh.md(3,1): error RA115: date 'x' is not a real date", lines[0]);
        Assert.Equal("::error file=input/reports/2023/a/index.zh.md,line=3,col=1,title=RA115::date 'x' is not a real date", lines[1]);
    }
}
