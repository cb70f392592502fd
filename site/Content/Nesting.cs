using System.Globalization;
using ReportArchive.Build;

namespace ReportArchive.Content;

/// <summary>How deeply a body's Markdown nests, measured on its text before it is parsed. Markdig refuses (with an exception) a
/// document whose blocks or inlines nest about 128 deep, and walking such a tree is recursive everywhere: a report never needs more
/// than a few levels, so anything past <see cref="Limit"/> is a located error and the body is not parsed at all.</summary>
/// <remarks>The measure is an upper bound on what Markdig would build, so a body that passes can never reach its limit: on a line,
/// every quote marker and list marker is a level and every two columns of indentation before them is one more (a list kept open
/// by indentation needs at least two columns a level); in a paragraph, every unclosed <c>[</c> is a level and so is every pair
/// of unclosed emphasis characters (<c>*</c>, <c>_</c>).</remarks>
public static class Nesting
{
    /// <summary>The most levels of nesting a body may have, of blocks on a line or of inlines in a paragraph.</summary>
    public const int Limit = 32;

    /// <summary>Adds an error and returns false when the text nests deeper than <see cref="Limit"/> anywhere; the first place it
    /// does is the one reported. <paramref name="bodyLine"/> is the file's line of the text's first line.</summary>
    public static bool Check(string file, string text, int bodyLine, ICollection<Diagnostic> diagnostics, TextMoves? moves = null)
    {
        int Column(int lineStart, int offset) => (moves ?? TextMoves.None).Original(text, lineStart + offset) - lineStart + 1;
        var lineStarts = new List<int>();
        var inline = new Deepest();
        var lineNumber = 0;
        for (var start = 0; start <= text.Length; lineNumber++)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(start, end - start);
            lineStarts.Add(start);
            var (blocks, at, content) = BlockLevels(line);
            if (blocks > Limit)
            {
                return Refuse(file, bodyLine + lineNumber, Column(start, at), blocks, "quotes and lists", diagnostics);
            }

            if (line.IsWhiteSpace() || blocks > 0 || line.TrimStart().StartsWith("#"))
            {
                if (inline.Max > Limit)
                {
                    break; // a paragraph ended too deep: reported below
                }

                inline = new Deepest(); // a new block: its inlines start at the top
            }

            InlineLevels(line[content..], lineNumber, content, ref inline);
            if (end == text.Length)
            {
                break;
            }

            start = end + 1;
        }

        return inline.Max <= Limit || Refuse(file, bodyLine + inline.Line, Column(lineStarts[inline.Line], inline.Column), inline.Max, "links and emphasis", diagnostics);
    }

    private static bool Refuse(string file, int line, int column, int levels, string what, ICollection<Diagnostic> diagnostics)
    {
        diagnostics.Add(Diagnostic.Error("RA129", file, line,
            $"the Markdown here ({what}) is nested {levels} levels deep; at most {Limit}: write it flatter", column));
        return false;
    }

    /// <summary>The levels of quotes and lists a line's start opens or keeps open, the offset where the limit was passed, and
    /// where the line's text starts after its markers.</summary>
    private static (int Levels, int At, int Content) BlockLevels(ReadOnlySpan<char> line)
    {
        var (markers, columns, at, i) = (0, 0, 0, 0);
        var afterMarker = false;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                // The first space after a marker belongs to it; more is indentation inside the container it opened.
                columns += afterMarker ? (c == '\t' ? 3 : 0) : c == '\t' ? 4 : 1;
                afterMarker = false;
                i++;
                continue;
            }

            var marker = c switch
            {
                '>' => 1,
                '-' or '*' or '+' when i + 1 == line.Length || line[i + 1] is ' ' or '\t' => 1,
                >= '0' and <= '9' => OrderedMarker(line[i..]),
                _ => 0,
            };
            if (marker == 0)
            {
                break;
            }

            markers++;
            i += marker;
            afterMarker = true;
            if (markers + columns / 2 > Limit && at == 0)
            {
                at = i - marker;
            }
        }

        // Indentation alone (an indented code block, a continued paragraph) opens nothing.
        return markers == 0 ? (0, 0, 0) : (markers + columns / 2, at, i);
    }

    /// <summary>The length of an ordered list marker (<c>12.</c> or <c>3)</c> followed by a space or the end), or 0.</summary>
    private static int OrderedMarker(ReadOnlySpan<char> text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 10 && digits < text.Length && text[digits] is '.' or ')'
            && (digits + 1 == text.Length || text[digits + 1] is ' ' or '\t') ? digits + 1 : 0;
    }

    /// <summary>The deepest a paragraph's inlines went, where that was first passed, and how deep they are now.</summary>
    private struct Deepest
    {
        public int Now, Max, Line, Column;

        public void Open(int levels, int line, int column)
        {
            Now += levels;
            if (Now > Max)
            {
                if (Max <= Limit && Now > Limit)
                {
                    (Line, Column) = (line, column);
                }

                Max = Now;
            }
        }

        public void Close(int levels) => Now = Math.Max(0, Now - levels);
    }

    private static void InlineLevels(ReadOnlySpan<char> text, int line, int offset, ref Deepest depth)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\':
                    i++; // an escaped character is text
                    break;
                case '`':
                    i = CodeSpanEnd(text, i); // inside a code span nothing nests
                    break;
                case '[':
                    depth.Open(1, line, offset + i);
                    break;
                case ']':
                    depth.Close(1);
                    break;
                case '*' or '_':
                    var run = 1;
                    while (i + run < text.Length && text[i + run] == text[i])
                    {
                        run++;
                    }

                    var before = i == 0 ? ' ' : text[i - 1];
                    var after = i + run < text.Length ? text[i + run] : ' ';
                    var opens = !char.IsWhiteSpace(after) && (!IsPunctuation(after) || char.IsWhiteSpace(before) || IsPunctuation(before));
                    var closes = !char.IsWhiteSpace(before) && (!IsPunctuation(before) || char.IsWhiteSpace(after) || IsPunctuation(after));
                    if (opens && (!closes || depth.Now == 0))
                    {
                        depth.Open((run + 1) / 2, line, offset + i);
                    }
                    else if (closes)
                    {
                        depth.Close((run + 1) / 2);
                    }

                    i += run - 1;
                    break;
            }
        }
    }

    /// <summary>The offset of the last backtick of the code span opened at <paramref name="start"/>, or the opening run's last
    /// backtick when no run of the same length closes it on this line.</summary>
    private static int CodeSpanEnd(ReadOnlySpan<char> text, int start)
    {
        var run = 1;
        while (start + run < text.Length && text[start + run] == '`')
        {
            run++;
        }

        for (var i = start + run; i < text.Length; i++)
        {
            if (text[i] != '`')
            {
                continue;
            }

            var length = 1;
            while (i + length < text.Length && text[i + length] == '`')
            {
                length++;
            }

            if (length == run)
            {
                return i + length - 1;
            }

            i += length - 1;
        }

        return start + run - 1;
    }

    private static bool IsPunctuation(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation
        or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
