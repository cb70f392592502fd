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
        var starts = StringInfo.ParseCombiningCharacters(text);
        var columns = 0;
        var cut = -1;
        for (var i = 0; i < starts.Length; i++)
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : text.Length;
            columns += Width(text[starts[i]]);
            if (columns > budget)
            {
                return cut > 0 ? text[..cut] : text[..starts[i]].TrimEnd() + "…";
            }

            var closes = end == text.Length || unspaced || char.IsWhiteSpace(text[end]);
            if (enders.Contains(text[starts[i]..end], StringComparison.Ordinal) && closes)
            {
                cut = end;
            }
        }

        return text;
    }

    /// <summary>Display columns of a character: two for East Asian wide and full-width characters, one for the rest.</summary>
    public static int Width(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' || char.IsHighSurrogate(c) ? 2 : 1;
}
