using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Rendering;

/// <summary>How long a report takes to read, at its language's rate: characters a minute for a language written without spaces
/// (Chinese, about 400), words a minute for the others (English, about 220).</summary>
public static class ReadingTime
{
    public static int Minutes(Translation translation, Language language)
    {
        // Counted in place, without a delegate or an array a paragraph (a list of 10,000 reports asks 40,000 times).
        var characters = language.ReadingUnit == ReadingUnit.Characters;
        var count = 0;
        foreach (var block in translation.Lead.Concat(translation.Sections.SelectMany(s => s.Blocks)))
        {
            if (block is Paragraph p)
            {
                count += characters ? LettersAndDigits(p.Text) : Words(p.Text);
            }
        }

        return Math.Max(1, (int)Math.Ceiling(count / (double)language.ReadingRate));
    }

    private static int LettersAndDigits(string text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Runs of characters between spaces.</summary>
    private static int Words(string text)
    {
        var (count, inWord) = (0, false);
        foreach (var c in text)
        {
            count += c != ' ' && !inWord ? 1 : 0;
            inWord = c != ' ';
        }

        return count;
    }

    /// <summary>The minutes as the interface of <paramref name="lang"/> writes them.</summary>
    public static string Label(RenderContext context, int minutes, string lang) => context.Format(lang, "reading_time", minutes.ToString());
}
