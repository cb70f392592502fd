using CsCheck;
using ReportArchive.Build;
using ReportArchive.Content;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Hostile;

/// <summary>Markdown nested past what a report needs (quotes, lists, brackets, emphasis, images) is a located error found before the
/// text is parsed; up to the limit it builds; and a failure inside any stage reaches the command line as itself (RA999, exit 3),
/// never as an unhandled cancellation.</summary>
public class NestingTests
{
    private static TestSite WithBody(string body, string? english = null)
    {
        var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 测试报道\ndate: 2023-05-04\n---\n\n导语段落。\n\n{body}\n");
        if (english is not null)
        {
            File.WriteAllText(Path.Combine(bundle, "index.en.md"), $"---\ntitle: A report\n---\n\nThe lead.\n\n{english}\n");
        }

        return site;
    }

    public static TheoryData<string, string> Shapes() => new()
    {
        { "quotes", "> " }, { "list items", "- " }, { "ordered items", "1. " }, { "brackets", "[" }, { "images", "![" },
        { "quotes in lists", "- > " }, { "emphasis", "*强 " },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Two_hundred_levels_are_a_located_error_and_nothing_is_written(string name, string shape)
    {
        using var site = WithBody(string.Concat(Enumerable.Repeat(shape, 200)) + "深" + Closing(shape, 200));

        var result = await site.BuildAsync();

        var error = DiagnosticAssert.Single(result, "RA129");
        Assert.Equal(8, error.Line);
        Assert.EndsWith("reports/2023/report-a/index.zh.md", error.File.Replace('\\', '/'));
        Assert.Contains($"at most {Nesting.Limit}", error.Message);
        Assert.Contains("nested ", error.Message);
        // The column is where the limit was passed: after Limit levels of the shape.
        var levelsPerRepeat = shape is "- > " ? 2 : 1;
        Assert.InRange(error.Column, 1 + (Nesting.Limit / levelsPerRepeat - 1) * shape.Length, 1 + (Nesting.Limit / levelsPerRepeat + 1) * shape.Length);
        Assert.False(result.Written, name);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Nesting_in_a_translation_is_located_in_the_translation()
    {
        using var site = WithBody("正文。", string.Concat(Enumerable.Repeat("> ", 100)) + "deep");

        var error = DiagnosticAssert.Single(await site.BuildAsync(), "RA129");

        Assert.EndsWith("index.en.md", error.File);
        Assert.Equal(7, error.Line);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Nesting_up_to_the_limit_builds(string name, string shape)
    {
        var levels = shape is "- > " ? Nesting.Limit / 2 : Nesting.Limit;
        using var site = WithBody(string.Concat(Enumerable.Repeat(shape, levels)) + "深" + Closing(shape, levels));

        var result = await site.BuildAsync();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "RA129");
        if (shape != "![")
        {
            Assert.True(result.Written, name + ": " + string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public async Task Lists_nested_by_indentation_count_their_levels()
    {
        var lines = Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- 项" + i);
        using var site = WithBody(string.Join("\n", lines));

        var error = DiagnosticAssert.Single(await site.BuildAsync(), "RA129");

        Assert.Equal(8 + Nesting.Limit, error.Line); // the first line past the limit (the list starts on line 8)
    }

    [Fact]
    public void Every_shape_at_the_limit_is_parsed_by_Markdig_without_its_own_limit()
    {
        // The measure is an upper bound: whatever passes it, Markdig parses, even all shapes at once at their deepest.
        foreach (var (name, shape) in Shapes().Select(row => ((string)row[0], (string)row[1])))
        {
            var levels = shape is "- > " ? Nesting.Limit / 2 : Nesting.Limit;
            var body = string.Concat(Enumerable.Repeat(shape, levels)) + string.Concat(Enumerable.Repeat("[*强 ", Nesting.Limit / 2)) + "深";
            var diagnostics = new List<Diagnostic>();
            if (Nesting.Check("f.md", body, 1, diagnostics))
            {
                Markdig.Markdown.Parse(body, MarkdownReader.Pipeline);
            }
        }
    }

    [Fact]
    public void Any_nesting_of_any_depth_is_refused_before_Markdig_or_parsed_by_it()
    {
        var piece = Gen.OneOf("> ", "- ", "* ", "+ ", "1. ", "2) ", "[", "![", "*", "_", "**", "*_", "](u)", "]", "`", "\\", " ", "  ", "\t", "\n", "\n\n", "深", "a", "#");
        var bodies = from pieces in piece.Array[0, 40]
                     from repeats in Gen.Int[1, 300].Array[40]
                     select string.Concat(pieces.Select((p, i) => string.Concat(Enumerable.Repeat(p, repeats[i] % 7 == 0 ? repeats[i] : 1 + repeats[i] % 5))));
        Check.Sample(bodies, body =>
        {
            var diagnostics = new List<Diagnostic>();
            if (Nesting.Check("f.md", body, 1, diagnostics))
            {
                Assert.Empty(diagnostics);
                Markdig.Markdown.Parse(body, MarkdownReader.Pipeline); // throws past Markdig's own limit: the measure missed a level
            }
            else
            {
                Assert.Equal("RA129", Assert.Single(diagnostics).Code);
            }
        }, iter: 3000);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("- ", "")]
    public async Task Yaml_nested_thousands_deep_is_refused_at_once_at_its_place(string open, string close)
    {
        using var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(bundle);
        var value = open == "- "
            ? "\n" + string.Join("\n", Enumerable.Range(0, 2000).Select(i => new string(' ', 2 * i) + "- x:"))
            : string.Concat(Enumerable.Repeat(open, 1_000_000)) + "x" + string.Concat(Enumerable.Repeat(close, 1_000_000));
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), $"---\ntitle: 测试报道\ndate: 2023-05-04\ntopics: {value}\n---\n\n导语。\n");

        var result = await site.BuildAsync();

        var error = Assert.Single(result.Diagnostics, d => d.Code == "RA101");
        Assert.Contains($"nested more than {ReportArchive.Configuration.DepthLimit.MaxDepth} levels deep", error.Message);
        Assert.True(error.Line >= 4, error.ToString());
        Assert.False(result.Written);
    }

    [Fact]
    public async Task Yaml_in_the_site_configuration_is_held_to_the_same_depth()
    {
        using var site = new TestSite("valid", "small");
        var config = Path.Combine(site.Input, "site.yml");
        File.AppendAllText(config, "page_size: " + new string('[', 100) + new string(']', 100) + "\n");

        var error = DiagnosticAssert.Single(await site.BuildAsync(), "RA101");

        Assert.EndsWith("site.yml", error.File);
        Assert.Equal(File.ReadAllLines(config).Length, error.Line);
    }

    [Fact]
    public async Task A_stage_that_throws_is_reported_as_itself_with_exit_code_3()
    {
        // A theme file the build cannot read as text fails the assets stage on a file that is not one: whatever the stage, the
        // command line reports the exception it threw (RA9xx), never an unhandled cancellation of the stages after it.
        using var site = WithBody("正文。");
        using var theme = new TempDirectory();
        TempDirectory.Copy(Paths.Theme, theme.Path);
        var layouts = Path.Combine(theme.Path, "layouts");
        var layout = Directory.EnumerateFiles(layouts).First();
        File.Delete(layout);
        Directory.CreateDirectory(layout); // a folder where a layout should be: reading it throws inside a stage

        var (code, _, error) = await CommandLine.RunAsync("build", "--input", site.Input, "--theme", theme.Path, "--output", site.Output, "--cache", site.Cache);

        Assert.True(code is ExitCodes.Failure or ExitCodes.ContentErrors, $"exit {code}: {error}");
        Assert.DoesNotContain("Canceled", error);
        Assert.DoesNotContain("   at ", error); // no stack trace without --verbose
        Assert.False(Directory.Exists(site.Output));
    }

    private static string Closing(string shape, int levels) => shape switch
    {
        "[" => string.Concat(Enumerable.Repeat("](u)", levels)),
        "![" => string.Concat(Enumerable.Repeat("](photos/x.jpg)", levels)),
        "*强 " => string.Concat(Enumerable.Repeat(" 强*", levels)),
        _ => "",
    };
}
