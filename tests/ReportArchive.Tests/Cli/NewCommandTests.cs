using ReportArchive.Build;
using ReportArchive.Cli;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Cli;

/// <summary><c>new</c> scaffolds a bundle (the original and an empty translation skeleton) that passes check and builds, and never overwrites one.</summary>
public class NewCommandTests
{
    [Fact]
    public async Task New_creates_both_language_files_that_check_accepts_and_refuses_to_overwrite()
    {
        using var site = new TestSite();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        string[] args = ["new", "--title", "城区图书馆延长开放时间", "--date", "2024-03-05", "--slug", "library-hours", "--input", site.Input];

        Assert.Equal(ExitCodes.Success, await Commands.RunAsync(args, stdout, stderr));
        var bundle = site.Bundle(2024, "library-hours");
        Assert.True(File.Exists(Path.Combine(bundle, "index.zh.md")));
        Assert.True(File.Exists(Path.Combine(bundle, "index.en.md")));
        Assert.True(Directory.Exists(Path.Combine(bundle, "photos")));
        Assert.Contains("title: \"城区图书馆延长开放时间\"", File.ReadAllText(Path.Combine(bundle, "index.zh.md")));

        // The English file is the translator's skeleton: every slot empty, counted by check, and no English page until translated.
        var english = File.ReadAllText(Path.Combine(bundle, "index.en.md"));
        Assert.Contains("<!-- zh: 导语：在这里写报道的第一段。 -->", english);
        Assert.Contains("## {#section-1}", english);
        var result = await site.BuildAsync();
        Assert.Equal("RA165", Assert.Single(result.Diagnostics).Code);
        Assert.True(File.Exists(Path.Combine(site.Output, "zh/reports/2024/library-hours/index.html")));
        Assert.False(File.Exists(Path.Combine(site.Output, "en/reports/2024/library-hours/index.html")));

        File.AppendAllText(Path.Combine(bundle, "index.zh.md"), "\n已经写好的段落。\n");
        var before = File.ReadAllText(Path.Combine(bundle, "index.zh.md"));
        Assert.Equal(ExitCodes.ContentErrors, await Commands.RunAsync(args, stdout, stderr));
        Assert.Contains("already exists", stderr.ToString());
        Assert.Equal(before, File.ReadAllText(Path.Combine(bundle, "index.zh.md")));
    }

    [Fact]
    public async Task A_chinese_title_without_a_slug_gets_an_ascii_one()
    {
        using var site = new TestSite();
        var code = await Commands.RunAsync(["new", "--title", "兴财举政润民心", "--date", "2023-07-01", "--input", site.Input], TextWriter.Null, TextWriter.Null);
        Assert.Equal(ExitCodes.Success, code);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(site.Input, "reports", "2023")));
        Assert.Matches("^report-[0-9a-f]{8}$", Path.GetFileName(folder));
    }

    [Theory]
    [InlineData("--date", "2024-13-01")]
    [InlineData("--slug", "Not A Slug")]
    public async Task Bad_arguments_are_usage_errors(string option, string value)
    {
        using var site = new TestSite();
        var args = new List<string> { "new", "--title", "标题", "--date", "2024-03-05", "--input", site.Input };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        Assert.Equal(ExitCodes.Usage, await Commands.RunAsync([.. args], TextWriter.Null, TextWriter.Null));
        Assert.False(Directory.Exists(Path.Combine(site.Input, "reports")));
    }
}
