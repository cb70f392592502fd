namespace ReportArchive.Content;

/// <summary>A block of a report's body: a paragraph of text or a figure.</summary>
public abstract record Block(int Line);

/// <summary>A paragraph: its HTML (already escaped, from Markdown) and its plain text (for hashes, search and excerpts).</summary>
/// <remarks>Most paragraphs are text alone, their HTML that text escaped in <c>&lt;p&gt;…&lt;/p&gt;</c>: then only the text is held and
/// the HTML made again when asked for, which halves what an archive's paragraphs take in memory.</remarks>
public sealed record Paragraph : Block
{
    private readonly string? _html;

    public Paragraph(int line, string html, string text)
        : base(line)
    {
        Text = text;
        _html = IsPlain(html, text) ? null : html;
    }

    /// <summary>A paragraph as <see cref="ContentFormat"/> kept it: its text, and its HTML when that is not the text alone.</summary>
    internal static Paragraph Restore(int line, string text, string? html) => new(html, line, text);

    private Paragraph(string? html, int line, string text)
        : base(line) => (Text, _html) = (text, html);

    public string Html => _html ?? Plain(Text);

    /// <summary>The HTML when it is not the text alone (null when <see cref="Html"/> is made from the text).</summary>
    internal string? OwnHtml => _html;

    public string Text { get; }

    private const string Open = "<p>";
    private const string Close = "</p>";

    /// <summary>The HTML of a paragraph of text alone: Markdown's escaping of its characters.</summary>
    private static string Plain(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return string.Concat(Open, text, Close);
        }

        var html = new System.Text.StringBuilder(text.Length + 16).Append(Open);
        foreach (var c in text)
        {
            if (Escaped(c) is { } entity)
            {
                html.Append(entity);
            }
            else
            {
                html.Append(c);
            }
        }

        return html.Append(Close).ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("<>&\"");

    private static string? Escaped(char c) => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        _ => null,
    };

    /// <summary>Whether <paramref name="html"/> is exactly what <see cref="Plain"/> makes of <paramref name="text"/>.</summary>
    private static bool IsPlain(string html, string text)
    {
        var span = html.AsSpan();
        if (!span.StartsWith(Open, StringComparison.Ordinal) || !span.EndsWith(Close, StringComparison.Ordinal))
        {
            return false;
        }

        span = span[Open.Length..^Close.Length];
        if (text.AsSpan().IndexOfAny(Special) < 0)
        {
            return span.SequenceEqual(text);
        }

        foreach (var c in text)
        {
            var expected = Escaped(c);
            if (expected is null ? span.IsEmpty || span[0] != c : !span.StartsWith(expected, StringComparison.Ordinal))
            {
                return false;
            }

            span = span[(expected?.Length ?? 1)..];
        }

        return span.IsEmpty;
    }
}

/// <summary>A photo alone in its paragraph, with the caption of the file's language.</summary>
public sealed record Figure(int Line, string Source, string Caption) : Block(Line)
{
    /// <summary>Who took or supplied the photo (记者 王明 摄, 新华社发), from the image's title: ![caption](photos/x.jpg "credit").</summary>
    public string? Credit { get; init; }
}

/// <summary>A translation slot not filled yet: the original text it is to translate (a paragraph, or a figure's Markdown).
/// Counted and checked, never published.</summary>
public sealed record Untranslated(int Line, string Original) : Block(Line)
{
    public bool IsFigure => Original.StartsWith("![", StringComparison.Ordinal);
}
