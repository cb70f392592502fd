using System.Globalization;
using ReportArchive.Configuration;

namespace ReportArchive.Rendering;

/// <summary>Short excerpts for lists: whole sentences within a budget of characters, never a broken character.</summary>
public static class Excerpts
{
    public static string Of(string text, string lang)
    {
        var (budget, enders) = lang == Languages.Zh ? (120, "。！？") : (320, ".!?");
        var starts = StringInfo.ParseCombiningCharacters(text);
        if (starts.Length <= budget)
        {
            return text;
        }

        var cut = -1;
        for (var i = 0; i < budget; i++)
        {
            var end = i + 1 < starts.Length ? starts[i + 1] : text.Length;
            var element = text[starts[i]..end];
            var closes = end == text.Length || lang == Languages.Zh || char.IsWhiteSpace(text[end]);
            if (enders.Contains(element, StringComparison.Ordinal) && closes)
            {
                cut = end;
            }
        }

        return cut > 0 ? text[..cut] : text[..starts[budget]].TrimEnd() + "…";
    }
}
