using CsCheck;
using ReportArchive.Build;
using ReportArchive.Content;

namespace ReportArchive.Tests.Content;

/// <summary>A paragraph of text alone keeps only its text and makes its HTML again when asked: whatever Markdown made of it,
/// the paragraph gives back exactly those bytes.</summary>
public class ParagraphTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["ab 中文。<>&\"'*_`[]()!\\#-\n\t😀"], 0, 40];

    [Fact]
    public void A_paragraph_gives_back_the_html_it_was_read_with()
    {
        Check.Sample(Gen.Select(Text, Gen.Int[0, 2]), (text, form) =>
        {
            // The forms a reader meets: Markdown's HTML of the text, the text escaped as Markdown escapes it, anything else.
            var html = form switch
            {
                0 => Markdig.Markdown.ToHtml(text, MarkdownReader.Pipeline).Trim(),
                1 => "<p>" + text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;") + "</p>",
                _ => "<p>" + text + "</p>",
            };
            return new Paragraph(1, html, text).Html == html;
        });
    }

    [Theory]
    [InlineData("兖州区 <b>财政</b> & \"预算\" 😀 𠀀")]
    [InlineData("a **b** [c](https://example.org/) `d`")]
    [InlineData("line one\nline two")]
    public void Every_paragraph_read_from_markdown_has_markdowns_html(string body)
    {
        var diagnostics = new List<Diagnostic>();
        var (lead, _) = MarkdownReader.Read("index.zh.md", body, 1, diagnostics);
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(lead));
        Assert.Equal(Markdig.Markdown.ToHtml(body, MarkdownReader.Pipeline).Trim(), paragraph.Html);
    }
}
