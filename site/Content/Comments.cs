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
    /// <summary>The comment as the translator's desk writes it: on one line, or, for what changed in the original (the old
    /// sentences and the new), a line each.</summary>
    public string Format(string originalLang)
    {
        var opening = $"<!-- {originalLang}{(Kind == SlotKind.Heading ? " heading" : "")}{(Changed ? " changed" : "")}:";
        return Text.Contains('\n')
            ? $"{opening}\n{string.Join('\n', Text.Split('\n').Select(MarkdownText.Comment))}\n-->"
            : $"{opening} {MarkdownText.Comment(Text)} -->";
    }
}

/// <summary>HTML comments in a language file are notes for its writers, never published: they are blanked out (keeping every
/// other character's line and column) before the Markdown is read, and the translation slots among them are returned.</summary>
public static partial class Comments
{
    /// <summary>The body with its comments blanked out, the slot comments among them, and where every comment that stands alone
    /// on its line starts and ends (the translator's desk keeps those as they are written).</summary>
    public static (string Body, List<SlotComment> Slots, List<(int Start, int End, SlotComment? Slot)> Alone, TextMoves Moves) Strip(
        string file, string body, int bodyLine, string originalLang, ICollection<Diagnostic> diagnostics)
    {
        if (!body.Contains("<!--", StringComparison.Ordinal))
        {
            return (body, [], [], TextMoves.None);
        }

        var text = new StringBuilder(body);
        var slots = new List<SlotComment>();
        var alone = new List<(int, int, SlotComment?)>();
        var ends = new List<(int, int)>();
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
            var lineEnd = body.IndexOf('\n', end) is var next and >= 0 ? next : body.Length;
            if (body.AsSpan(lineStart, at - lineStart).IsWhiteSpace() && body.AsSpan(end, lineEnd - end).IsWhiteSpace())
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

            ends.Add((at, end));
            at = end;
        }

        var moves = Unindent(text, ends);
        return (text.ToString(), slots, alone, moves);
    }

    /// <summary>A comment blanked at the start of a line leaves the text after it indented by the comment's width, which Markdown
    /// reads as a code block: that text is moved back to where the comment began (its end of line filled with spaces), and the
    /// move is recorded, so that a place in the text is still told at its line and column in the file.</summary>
    private static TextMoves Unindent(StringBuilder text, List<(int At, int End)> comments)
    {
        var moves = new List<(int From, int Shift)>();
        foreach (var (at, end) in comments)
        {
            var lineStart = end == 0 ? 0 : LastIndexOf(text, '\n', end - 1) + 1;
            var lineEnd = IndexOf(text, '\n', end);
            var first = end;
            while (first < lineEnd && text[first] is ' ' or '\t')
            {
                first++;
            }

            var target = at >= lineStart ? at : lineStart;
            if (first == lineEnd || !IsBlank(text, lineStart, first) || first - target < 1 || Width(text, lineStart, first) < 4)
            {
                continue; // nothing after the comment, text before it on the line, or an indentation Markdown does not mind
            }

            var rest = text.ToString(first, lineEnd - first);
            text.Remove(target, lineEnd - target).Insert(target, rest + new string(' ', first - target));
            moves.Add((target, first - target));
        }

        return new TextMoves(moves);
    }

    private static bool IsBlank(StringBuilder text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static int Width(StringBuilder text, int from, int to)
    {
        var width = 0;
        for (var i = from; i < to; i++)
        {
            width += text[i] == '\t' ? 4 - width % 4 : 1;
        }

        return width;
    }

    private static int IndexOf(StringBuilder text, char c, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                return i;
            }
        }

        return text.Length;
    }

    private static int LastIndexOf(StringBuilder text, char c, int from)
    {
        for (var i = from; i >= 0; i--)
        {
            if (text[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^<!--\s*(?<lang>[a-z]{2,3}(-[A-Za-z]+)?)(?<heading>\s+heading)?(?<changed>\s+changed)?:(?<text>.*?)-->$", RegexOptions.Singleline)]
    private static partial Regex Slot();
}

/// <summary>Where text was moved left on its line when comments were blanked (<see cref="Comments"/>): from an offset of the
/// stripped text to the end of its line, every character stands <c>Shift</c> places further right in the file.</summary>
public sealed class TextMoves(IReadOnlyList<(int From, int Shift)> moves)
{
    public static readonly TextMoves None = new([]);

    /// <summary>The offset in the file's body of an offset in the stripped text.</summary>
    public int Original(string stripped, int offset)
    {
        foreach (var (from, shift) in moves)
        {
            if (offset >= from && offset <= LineEnd(stripped, from))
            {
                return offset + shift;
            }
        }

        return offset;
    }

    private static int LineEnd(string text, int from) => text.IndexOf('\n', from) is var end and >= 0 ? end : text.Length;
}
