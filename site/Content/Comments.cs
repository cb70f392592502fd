using System.Text;
using System.Text.RegularExpressions;
using ReportArchive.Build;

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
        $"<!-- {originalLang}{(Kind == SlotKind.Heading ? " heading" : "")}{(Changed ? " changed" : "")}: {MarkdownText.Comment(Text)} -->";
}

/// <summary>HTML comments in a language file are notes for its writers, never published: they are blanked out (keeping every
/// other character's line and column) before the Markdown is read, and the translation slots among them are returned.</summary>
public static partial class Comments
{
    /// <summary>The body with its comments blanked out, the slot comments among them, and where every comment that stands alone
    /// on its line starts and ends (the translator's desk keeps those as they are written).</summary>
    public static (string Body, List<SlotComment> Slots, List<(int Start, int End, SlotComment? Slot)> Alone) Strip(
        string file, string body, int bodyLine, string originalLang, ICollection<Diagnostic> diagnostics)
    {
        if (!body.Contains("<!--", StringComparison.Ordinal))
        {
            return (body, [], []);
        }

        var text = new StringBuilder(body);
        var slots = new List<SlotComment>();
        var alone = new List<(int, int, SlotComment?)>();
        var (at, line, counted) = (0, 0, 0);
        while ((at = body.IndexOf("<!--", at, StringComparison.Ordinal)) >= 0)
        {
            line += body.AsSpan(counted, at - counted).Count('\n');
            counted = at;
            var lineStart = at == 0 ? 0 : body.LastIndexOf('\n', at - 1) + 1;
            var end = body.IndexOf("-->", at + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                diagnostics.Add(Diagnostic.Error("RA125", file, line + bodyLine, "a comment opens here ('<!--') and is never closed: end it with '-->'", at - lineStart + 1));
                break;
            }

            end += 3;
            if (body.AsSpan(lineStart, at - lineStart).IsWhiteSpace())
            {
                SlotComment? slot = null;
                if (Slot().Match(body[at..end]) is { Success: true } m && m.Groups["lang"].Value == originalLang)
                {
                    slot = new SlotComment(line + bodyLine, m.Groups["heading"].Success ? SlotKind.Heading : SlotKind.Block,
                        m.Groups["changed"].Success, m.Groups["text"].Value.Trim());
                    slots.Add(slot);
                }

                alone.Add((at, end, slot));
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

        return (text.ToString(), slots, alone);
    }

    [GeneratedRegex(@"^<!--\s*(?<lang>[a-z]{2,3}(-[A-Za-z]+)?)(?<heading>\s+heading)?(?<changed>\s+changed)?:(?<text>.*?)-->$", RegexOptions.Singleline)]
    private static partial Regex Slot();
}
