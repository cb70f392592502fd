using System.Globalization;
using ReportArchive.Configuration;

namespace ReportArchive.Rendering;

/// <summary>Short excerpts for lists: whole sentences within a budget of display columns (a Chinese character takes two,
/// a Latin letter or digit one, so mixed text is measured as it looks), never a broken character.</summary>
public static class Excerpts
{
    public static string Of(string text, Language language)
    {
        // A language written without spaces ends its sentences with full-width marks and may start the next one at once.
        var unspaced = language.ReadingUnit == ReadingUnit.Characters;
        var (budget, enders) = unspaced ? (240, "。！？") : (320, ".!?");
        // Characters as a reader sees them (a base and its combining marks are one), read only as far as the budget goes.
        var columns = 0;
        var cut = -1;
        for (var at = 0; at < text.Length;)
        {
            var end = at + StringInfo.GetNextTextElementLength(text.AsSpan(at));
            columns += Width(text[at]);
            if (columns > budget)
            {
                return cut > 0 ? text[..cut] : text[..at].TrimEnd() + "…";
            }

            var closes = end == text.Length || unspaced || char.IsWhiteSpace(text[end]);
            if (closes && enders.AsSpan().IndexOf(text.AsSpan(at, end - at)) >= 0)
            {
                cut = end;
            }

            at = end;
        }

        return text;
    }

    /// <summary>Display columns of a character: two for East Asian wide and full-width characters, one for the rest.</summary>
    public static int Width(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' || char.IsHighSurrogate(c) ? 2 : 1;
}
