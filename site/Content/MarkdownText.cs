using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Content;

/// <summary>Plain text written into a language file so that it reads back as exactly that text: the one escaping of every place a
/// translation is written (XLIFF import, <c>translate</c>, <c>stamp</c>). Nothing in the text can become markup, a link, a
/// comment, an attribute, a heading's id or another block; whitespace is kept as a reader sees it (runs of spaces and line
/// breaks inside a paragraph, none at its ends).</summary>
public static partial class MarkdownText
{
    /// <summary>A paragraph: its lines kept as soft line breaks, blank lines closed up, each line's text escaped.</summary>
    public static string Paragraph(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim(' ', '\t')).Where(l => l.Length > 0);
        return string.Join('\n', lines.Select(Line));
    }

    /// <summary>Text inside a paragraph beside inline markup (an XLIFF target's text between its codes): each line escaped as a
    /// paragraph's, its spaces kept, no blank line (which would end the paragraph).</summary>
    public static string Fragment(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Where((l, i) => i == 0 || i == lines.Length - 1 || l.Trim(' ', '\t').Length > 0).Select(Line));
    }

    /// <summary>One line (a heading, a caption): every run of whitespace with a line break in it becomes a space.</summary>
    public static string Inline(string text) => Line(OneLine(text));

    /// <summary>Text on one line, as a heading, a caption or a front matter field holds it.</summary>
    public static string OneLine(string text) => LineBreaks().Replace(text, " ").Trim(' ', '\t');

    /// <summary>Text inside a comment on one line (a slot's original): it may not end the comment early or break the line.</summary>
    public static string Comment(string text) => text.Replace("-->", "-- >", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ').Trim();

    /// <summary>A YAML double-quoted scalar holding exactly the text (on one line).</summary>
    public static string Yaml(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(c) || c is '\uFEFF' or '\u2028' or '\u2029' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A line of text with every character escaped that Markdown (or the comment reader before it) would take as markup.</summary>
    private static string Line(string line)
    {
        var escaped = new StringBuilder(line.Length + 8);
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var markup = c switch
            {
                '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' => true,
                // "<!--" opens a comment even when its '<' is escaped: the comment reader runs before Markdown.
                '!' => i > 0 && line[i - 1] == '<' || i + 1 < line.Length && line[i + 1] == '[',
                '&' => Entity().IsMatch(line.AsSpan(i)),
                // What starts a block only at the start of a line: a list item, a setext underline, a thematic break.
                '-' or '+' or '=' => i == 0,
                '.' or ')' => i > 0 && OrderedItem().IsMatch(line.AsSpan(0, i)),
                _ => false,
            };
            if (c is '{' or '}')
            {
                // Markdig reads attributes in braces even after a backslash: a brace is written as its character reference.
                escaped.Append(c == '{' ? "&#123;" : "&#125;");
                continue;
            }

            escaped.Append(markup ? "\\" : "").Append(c);
        }

        return escaped.ToString();
    }

    [GeneratedRegex(@"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")]
    private static partial Regex Entity();

    /// <summary>The digits that open an ordered list item when a '.' or ')' follows them at the start of a line.</summary>
    [GeneratedRegex(@"^[0-9]{1,9}$")]
    private static partial Regex OrderedItem();

    [GeneratedRegex(@"[ \t]*(\r\n|\r|\n)[ \t\r\n]*")]
    private static partial Regex LineBreaks();
}
