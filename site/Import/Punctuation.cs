using System.Text;

namespace ReportArchive.Import;

/// <summary>Makes ASCII punctuation full-width where it stands in Chinese text (beside a Chinese character or quotation mark),
/// and leaves it alone between digits and Latin letters (9000余元, 6.6亿元, PPP项目).</summary>
public static class Punctuation
{
    private const string Ascii = ",:;?!()";
    private const string FullWidth = "，：；？！（）";

    public static string Normalize(string text)
    {
        text = Quotes(text);
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var at = Ascii.IndexOf(c);
            if (at >= 0 && (Near(text, i, -1) || Near(text, i, +1)))
            {
                result.Append(FullWidth[at]);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Straight double quotes in Chinese text become “ and ”, in pairs; an unpaired one is left as it is.</summary>
    private static string Quotes(string text)
    {
        var at = Enumerable.Range(0, text.Length).Where(i => text[i] == '"').ToList();
        if (at.Count == 0 || at.Count % 2 != 0 || !at.Any(i => Near(text, i, -1) || Near(text, i, +1)))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var k = 0; k < at.Count; k++)
        {
            chars[at[k]] = k % 2 == 0 ? '“' : '”';
        }

        return new string(chars);
    }

    /// <summary>Whether the character right beside it on one side is Chinese.</summary>
    private static bool Near(string text, int index, int direction)
    {
        var j = index + direction;
        return j >= 0 && j < text.Length && Chinese.IsChineseContext(text[j]);
    }
}
