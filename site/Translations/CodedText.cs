using System.Text;
using System.Xml.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>A piece of a coded text: text, the start or end of a paired code (emphasis, a link), or a standalone code (a hard line
/// break, inline code, a non-breaking space, an autolink).</summary>
public abstract record CodeToken;

public sealed record TextToken(string Text) : CodeToken;

public sealed record OpenToken(string Id) : CodeToken;

public sealed record CloseToken(string Id) : CodeToken;

public sealed record PlaceholderToken(string Id) : CodeToken;

/// <summary>An inline code: its id, its XLIFF type and subtype, and the Markdown it stands for (a paired code's start and end).</summary>
public sealed record InlineCode(string Id, string Type, string? SubType, string Start, string? End, string? Equiv)
{
    public bool Paired => End is not null;

    /// <summary>What a translator reads the code as, in a message.</summary>
    public string Describe() => Paired ? $"<pc id=\"{Id}\"> ({(Type == "link" ? "a link" : SubType == "xlf:b" ? "bold" : SubType == "xlf:i" ? "italics" : "formatting")})"
        : $"<ph id=\"{Id}\"> ({(SubType == "xlf:lb" ? "a line break" : Equiv == "\u00A0" ? "a non-breaking space" : Type == "link" ? "an address" : "code")})";
}

/// <summary>A paragraph's Markdown as XLIFF 2.0 carries it: its text, with emphasis and links as paired codes (<c>&lt;pc&gt;</c>)
/// and hard line breaks, inline code, autolinks and non-breaking spaces as standalone codes (<c>&lt;ph&gt;</c>), each code's
/// Markdown kept in the unit's <c>&lt;originalData&gt;</c>, so that a translation tool shows them as codes, counts only the
/// text and gives them back; and back into the same Markdown.</summary>
public sealed class CodedText(IReadOnlyList<CodeToken> tokens, IReadOnlyList<InlineCode> codes)
{
    public IReadOnlyList<CodeToken> Tokens { get; } = tokens;

    public IReadOnlyList<InlineCode> Codes { get; } = codes;

    /// <summary>The text a reader sees, as an XLIFF element's value reads it (codes' text only where they hold text).</summary>
    public string Plain => string.Concat(Tokens.OfType<TextToken>().Select(t => t.Text));

    /// <summary>The Markdown of one paragraph, coded; a text with no inline markup has text tokens only.</summary>
    public static CodedText FromMarkdown(string markdown)
    {
        if (Markdig.Markdown.Parse(markdown, MarkdownReader.Pipeline) is not [ParagraphBlock { Inline: { } inline }])
        {
            return new CodedText([new TextToken(markdown)], []);
        }

        var tokens = new List<CodeToken>();
        var codes = new List<InlineCode>();
        InlineCode Add(string type, string? subType, string start, string? end, string? equiv = null)
        {
            var code = new InlineCode((codes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), type, subType, start, end, equiv);
            codes.Add(code);
            return code;
        }

        void Walk(Inline? node)
        {
            for (; node is not null; node = node.NextSibling)
            {
                Token(node, markdown, tokens, Add, Walk);
            }
        }

        Walk(inline.FirstChild);
        Trim(tokens);
        return new CodedText(Merge(tokens), codes);
    }

    private static void Token(Inline node, string markdown, List<CodeToken> tokens, Func<string, string?, string, string?, string?, InlineCode> add, Action<Inline?> walk)
    {
        switch (node)
        {
            case LiteralInline literal:
                Literal(literal.Content.ToString(), tokens, add);
                break;
            case HtmlEntityInline entity:
                tokens.Add(new TextToken(entity.Transcoded.ToString()));
                break;
            case LineBreakInline { IsHard: true } hard:
                tokens.Add(new PlaceholderToken(add("fmt", "xlf:lb", hard.IsBackslash ? "\\\n" : "  \n", null, "\n").Id));
                break;
            case LineBreakInline:
                tokens.Add(new TextToken(" ")); // a soft break reads as a space, as the page's plain text has it
                break;
            case CodeInline or AutolinkInline or HtmlInline:
                var raw = markdown.Substring(node.Span.Start, node.Span.Length);
                tokens.Add(new PlaceholderToken(add(node is AutolinkInline ? "link" : "other", null, raw, null, node is CodeInline code ? code.Content : null).Id));
                break;
            case EmphasisInline emphasis:
                var delimiter = new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                Paired(add("fmt", emphasis.DelimiterChar == '~' ? null : emphasis.DelimiterCount >= 2 ? "xlf:b" : "xlf:i", delimiter, delimiter, null), emphasis, tokens, walk);
                break;
            case LinkInline { IsImage: false } link:
                var labelEnd = link.LastChild is { } last ? last.Span.End + 1 : link.Span.Start + 1;
                Paired(add("link", null, "[", markdown[labelEnd..(link.Span.End + 1)], null), link, tokens, walk);
                break;
            case ContainerInline container:
                walk(container.FirstChild);
                break;
        }
    }

    private static void Paired(InlineCode code, ContainerInline container, List<CodeToken> tokens, Action<Inline?> walk)
    {
        tokens.Add(new OpenToken(code.Id));
        walk(container.FirstChild);
        tokens.Add(new CloseToken(code.Id));
    }

    /// <summary>Literal text, a non-breaking space in it a standalone code (a tool would show it as a space, and break it).</summary>
    private static void Literal(string text, List<CodeToken> tokens, Func<string, string?, string, string?, string?, InlineCode> add)
    {
        var parts = text.Split('\u00A0');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                tokens.Add(new PlaceholderToken(add("other", null, "\u00A0", null, "\u00A0").Id));
            }

            if (parts[i].Length > 0)
            {
                tokens.Add(new TextToken(parts[i]));
            }
        }
    }

    /// <summary>Neighbouring text tokens made one.</summary>
    private static List<CodeToken> Merge(List<CodeToken> tokens)
    {
        var merged = new List<CodeToken>();
        foreach (var token in tokens)
        {
            if (token is TextToken next && merged.Count > 0 && merged[^1] is TextToken previous)
            {
                merged[^1] = new TextToken(previous.Text + next.Text);
            }
            else
            {
                merged.Add(token);
            }
        }

        return merged;
    }

    private static void Trim(List<CodeToken> tokens)
    {
        if (tokens.Count > 0 && tokens[0] is TextToken first)
        {
            tokens[0] = new TextToken(first.Text.TrimStart());
        }

        if (tokens.Count > 0 && tokens[^1] is TextToken last)
        {
            tokens[^1] = new TextToken(last.Text.TrimEnd());
        }

        tokens.RemoveAll(t => t is TextToken { Text.Length: 0 });
    }

    /// <summary>Tokens as a coded text's are: neighbouring text made one, the ends trimmed.</summary>
    public static CodedText FromTokens(IEnumerable<CodeToken> tokens)
    {
        var merged = Merge([.. tokens]);
        Trim(merged);
        return new CodedText(Merge(merged), []);
    }

    /// <summary>The Markdown these tokens make with <paramref name="codes"/>: text escaped (nothing in it becomes markup), each
    /// code as the Markdown it stands for.</summary>
    public static string ToMarkdown(IReadOnlyList<CodeToken> tokens, IReadOnlyDictionary<string, InlineCode> codes)
    {
        var markdown = new StringBuilder();
        foreach (var token in tokens)
        {
            markdown.Append(token switch
            {
                TextToken text => MarkdownText.Fragment(text.Text),
                OpenToken open => codes[open.Id].Start,
                CloseToken close => codes[close.Id].End,
                PlaceholderToken placeholder => codes[placeholder.Id].Start,
                _ => "",
            });
        }

        return markdown.ToString().Trim();
    }
}
