using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using ReportArchive.Build;
using ReportArchive.Content;

namespace ReportArchive.Tests.Content;

/// <summary>Text escaped by <see cref="MarkdownText"/> reads back as exactly that text, whatever it holds: Markdown and HTML
/// metacharacters, comment markers, fences, attributes in braces, brackets, entities and line breaks.</summary>
public partial class MarkdownTextTests
{
    /// <summary>Pieces that Markdown, HTML or the comment reader would take as markup, mixed with text of every script.</summary>
    private static readonly string[] Markup =
    [
        "```", "~~~", "<!--", "-->", "<!-- zh: 注 -->", "{#evil}", "{.c}", "{onclick=x}", "[", "]", "![", "](", ")", "[a](javascript:alert(1))",
        "<script>", "</p>", "<b>", "&amp;", "&#0;", "&#x41;", "&copy;", "&", "*", "**", "_", "__", "`", "\\", "#", " #", "## ", "> ", "- ", "+ ",
        "* ", "1. ", "2) ", "===", "---", "***", "|", "~", "{{ x }}", "{% raw %}", "<http://a.b>", "http://a.b/c", "    ", "\t", "\n", "\n\n",
        "\r\n", " \n", "\\\n", "  \n", "!", "<", ">", "-", "=", "+", ".", "9.", "1)", "“引号”", "中文", "English", "😀", "𠀀", "e\u0301", "\u00A0",
        "\u3000", "\u200B", "\u202E", "9,000 yuan", "1.2 million", "Gao Li",
    ];

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf(Markup)),
        (3, Gen.Char[' ', '\u007E'].Array[1, 6].Select(c => new string(c))),
        (1, Gen.Char.Where(c => !char.IsSurrogate(c) && !IsForbidden(c)).Array[1, 4].Select(c => new string(c))))
        .Array[1, 24].Select(string.Concat);

    /// <summary>What a reader sees of a text: whitespace runs as one space, none at the ends, in NFC (as the build reads files).</summary>
    public static string Seen(string text) => Whitespace().Replace(text, " ").Trim().Normalize(NormalizationForm.FormC);

    [Fact]
    public void A_paragraph_reads_back_as_its_text()
    {
        Check.Sample(Text, text =>
        {
            if (Seen(text).Length == 0)
            {
                return; // no text to see: an empty target is an untranslated slot, never written
            }

            var (lead, diagnostics) = Read(MarkdownText.Paragraph(text));
            var paragraph = Assert.IsType<Paragraph>(Assert.Single(lead));
            Assert.Equal(Seen(text), Seen(paragraph.Text));
            Assert.DoesNotContain("<a", paragraph.Html);
            Assert.Empty(diagnostics);
        }, iter: 5000);
    }

    [Fact]
    public void A_heading_reads_back_as_its_text_and_keeps_its_id()
    {
        Check.Sample(Text.Where(t => Seen(t).Length > 0), text =>
        {
            var diagnostics = new List<Diagnostic>();
            var (_, sections) = MarkdownReader.Read("f.md", $"## {MarkdownText.Inline(text)} {{#part}}\n\n正文。\n", 1, diagnostics);
            var section = Assert.Single(sections);
            Assert.Equal("part", section.Id);
            Assert.Equal(Seen(text), Seen(section.Heading));
            Assert.Empty(diagnostics);
        }, iter: 3000);
    }

    [Fact]
    public void A_caption_reads_back_as_its_text_on_its_photo()
    {
        Check.Sample(Text, text =>
        {
            var (lead, diagnostics) = Read($"![{MarkdownText.Inline(text)}](photos/a.jpg)");
            var figure = Assert.IsType<Figure>(Assert.Single(lead));
            Assert.Equal("photos/a.jpg", figure.Source);
            Assert.Equal(Seen(text), Seen(figure.Caption));
            Assert.Empty(diagnostics);
        }, iter: 3000);
    }

    [Fact]
    public void A_yaml_scalar_reads_back_as_its_text()
    {
        var yaml = new YamlDotNet.Serialization.Deserializer();
        Check.Sample(Text, text =>
        {
            var value = yaml.Deserialize<Dictionary<string, string>>($"title: {MarkdownText.Yaml(text)}\n")["title"];
            Assert.Equal(text.Replace("\r\n", "\n"), value.Replace("\r\n", "\n"));
        }, iter: 3000);
    }

    [Theory]
    [InlineData("theoretical level.”\n```\nGao Li said")]
    [InlineData("<!-- a slot --> and -->")]
    [InlineData("The Bureau {#evil}")]
    [InlineData("Photo [1] of 3 (left)")]
    [InlineData("Ends in a hash #")]
    [InlineData("1. Not a list\n- not an item\n===\n> not a quote")]
    [InlineData("R&D &amp; &#65; &copy")]
    public void The_strings_that_changed_pages_read_back_as_written(string text)
    {
        var (lead, diagnostics) = Read(MarkdownText.Paragraph(text));
        Assert.Equal(Seen(text), Seen(Assert.IsType<Paragraph>(Assert.Single(lead)).Text));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Ordinary_text_is_left_as_it_is()
    {
        Assert.Equal("The bureau raised 9,000 yuan (about $1,250) in 2023.", MarkdownText.Paragraph("The bureau raised 9,000 yuan (about $1,250) in 2023."));
        Assert.Equal("“先别急”，他说。", MarkdownText.Inline("“先别急”，他说。"));
    }

    private static (IReadOnlyList<Block> Lead, List<Diagnostic> Diagnostics) Read(string markdown)
    {
        var diagnostics = new List<Diagnostic>();
        var (lead, sections) = MarkdownReader.Read("f.md", markdown + "\n", 1, diagnostics);
        Assert.Empty(sections);
        return (lead, diagnostics);
    }

    private static bool IsForbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n')) || c is '\r' || (c >= '\u007F' && c <= '\u009F') || c is '\uFFFE' or '\uFFFF';

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
