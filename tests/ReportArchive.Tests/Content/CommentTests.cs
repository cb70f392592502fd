using ReportArchive.Build;
using ReportArchive.Content;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Content;

/// <summary>A comment is a note for the file's writers: taking it out never changes what the text around it is, nor where a
/// problem in that text is said to be.</summary>
public class CommentTests
{
    [Theory]
    [InlineData("<!-- 编辑注：核实数字 --> 正文段落，[链接](javascript:alert(1))。", 24)]
    [InlineData("  <!-- 注 -->正文段落，[链接](javascript:alert(1))。", 18)]
    [InlineData("<!-- 一条\n跨行的注释 --> 正文段落，[链接](javascript:alert(1))。", 16)]
    public void Text_after_a_comment_at_the_start_of_a_line_stays_a_paragraph_and_is_located_where_it_is(string body, int column)
    {
        var diagnostics = new List<Diagnostic>();

        var (lead, _) = MarkdownReader.Read("f.md", "导语。\n\n" + body + "\n", 1, diagnostics);

        var paragraph = Assert.IsType<Paragraph>(lead[1]);
        Assert.StartsWith("<p>", paragraph.Html);
        Assert.DoesNotContain("<pre>", paragraph.Html);
        Assert.StartsWith("正文段落", paragraph.Text);
        var warning = Assert.Single(diagnostics, d => d.Code == "RA124");
        Assert.Equal(3 + body.Count(c => c == '\n'), warning.Line);
        Assert.Equal(column, warning.Column);
    }

    [Fact]
    public void An_indented_code_block_of_its_own_is_left_as_written()
    {
        var diagnostics = new List<Diagnostic>();

        var (lead, _) = MarkdownReader.Read("f.md", "导语。\n\n<!-- 注 -->\n\n    缩进的文字\n", 1, diagnostics);

        Assert.Contains("<pre>", Assert.IsType<Paragraph>(lead[1]).Html);
    }

    [Fact]
    public async Task The_desk_keeps_a_line_that_starts_with_a_comment_as_written()
    {
        using var site = new TestSite();
        var bundle = site.Bundle(2023, "report-a");
        Directory.CreateDirectory(bundle);
        File.WriteAllText(Path.Combine(bundle, "index.zh.md"), "---\ntitle: 测试报道\ndate: 2023-05-04\n---\n\n导语段落。\n");
        var english = "---\ntitle: A report\n---\n\n<!-- check the figure --> The lead, as written.\n";
        File.WriteAllText(Path.Combine(bundle, "index.en.md"), english);

        var (code, _, error) = await CommandLine.RunAsync("translate", "report-a", "--input", site.Input);

        Assert.True(code == 0, error);
        Assert.Contains("\n<!-- check the figure --> The lead, as written.\n", File.ReadAllText(Path.Combine(bundle, "index.en.md")));
        var built = await site.BuildAsync();
        Assert.True(built.Written, string.Join("\n", built.Diagnostics));
        Assert.Contains("<p>The lead, as written.</p>", site.Read("en/reports/2023/report-a/index.html"));
    }
}
