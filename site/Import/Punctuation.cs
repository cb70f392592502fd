using System.Text;

namespace ReportArchive.Import;

/// <summary>Makes ASCII punctuation full-width where it stands in Chinese text (beside a Chinese character or quotation mark),
/// and leaves it alone between digits and Latin letters (9000余元, 6.6亿元, PPP项目).</summary>
public static class Punctuation
{
    private const string Ascii = ",:;?!";
    private const string FullWidth = "，：；？！";

    public static string Normalize(string text)
    {
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

    /// <summary>Whether the nearest non-space character on one side is Chinese.</summary>
    private static bool Near(string text, int index, int direction)
    {
        for (var j = index + direction; j >= 0 && j < text.Length; j += direction)
        {
            if (text[j] is ' ' or '\t')
            {
                continue;
            }

            return Chinese.IsChineseContext(text[j]);
        }

        return false;
    }
}
