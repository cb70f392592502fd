using System.Text;
using System.Text.RegularExpressions;
using ReportArchive.Pipeline;

namespace ReportArchive.Content;

/// <summary>What a slot comment stands above: a paragraph or caption of the body, or a section heading.</summary>
public enum SlotKind
{
    Block,
    Heading,
}

/// <summary>A translation slot's comment, <c>&lt;!-- zh: 原文 --&gt;</c> on a line of its own: the original text that the next
/// block (or, for <c>zh heading:</c>, the next heading) translates. <c>changed</c> marks an original edited since the translation
/// was recorded.</summary>
public sealed record SlotComment(int Line, SlotKind Kind, bool Changed, string Text)
{
    /// <summary>The comment as the translator's desk writes it, on one line.</summary>
    public string Format(string originalLang) =>
        $"<!-- {originalLang}{(Kind == SlotKind.Heading ? " heading" : "")}{(Changed ? " changed" : "")}: {Escape(Text)} -->";

    /// <summary>A comment may not contain its own end; the original's text is kept readable otherwise.</summary>
    private static string Escape(string text) => text.Replace("-->", "-- >", StringComparison.Ordinal).Replace("\n", " ");
}

/// <summary>HTML comments in a language file are notes for its writers, never published: they are blanked out (keeping every
/// other character's line and column) before the Markdown is read, and the translation slots among them are returned.</summary>
public static partial class Comments
{
    public static (string Body, List<SlotComment> Slots) Strip(string file, string body, int bodyLine, string originalLang, ICollection<Diagnostic> diagnostics)
    {
        if (!body.Contains("<!--", StringComparison.Ordinal))
        {
            return (body, []);
        }

        var text = new StringBuilder(body);
        var slots = new List<SlotComment>();
        var at = 0;
        while ((at = body.IndexOf("<!--", at, StringComparison.Ordinal)) >= 0)
        {
            var (line, column) = Position(body, at);
            var end = body.IndexOf("-->", at + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                diagnostics.Add(Diagnostic.Error("RA125", file, line + bodyLine, "a comment opens here ('<!--') and is never closed: end it with '-->'", column));
                break;
            }

            end += 3;
            var comment = body[at..end];
            var lineStart = body.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
            var alone = body.AsSpan(lineStart, at - lineStart).IsWhiteSpace();
            if (alone && Slot().Match(comment) is { Success: true } m && m.Groups["lang"].Value == originalLang)
            {
                slots.Add(new SlotComment(line + bodyLine, m.Groups["heading"].Success ? SlotKind.Heading : SlotKind.Block,
                    m.Groups["changed"].Success, m.Groups["text"].Value.Trim()));
            }

            for (var i = at; i < end; i++)
            {
                if (text[i] != '\n')
                {
                    text[i] = ' ';
                }
            }

            at = end;
        }

        return (text.ToString(), slots);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    [GeneratedRegex(@"^<!--\s*(?<lang>[a-z]{2,3}(-[A-Za-z]+)?)(?<heading>\s+heading)?(?<changed>\s+changed)?:(?<text>.*?)-->$", RegexOptions.Singleline)]
    private static partial Regex Slot();
}
