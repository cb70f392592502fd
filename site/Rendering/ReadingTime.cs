using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Rendering;

/// <summary>How long a report takes to read, at its language's rate: characters a minute for a language written without spaces
/// (Chinese, about 400), words a minute for the others (English, about 220).</summary>
public static class ReadingTime
{
    public static int Minutes(Translation translation, Language language)
    {
        var text = translation.Lead.Concat(translation.Sections.SelectMany(s => s.Blocks)).OfType<Paragraph>().Select(p => p.Text);
        var count = language.ReadingUnit == ReadingUnit.Characters
            ? text.Sum(t => t.Count(c => char.IsLetterOrDigit(c)))
            : text.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        return Math.Max(1, (int)Math.Ceiling(count / (double)language.ReadingRate));
    }

    /// <summary>The minutes as the interface of <paramref name="lang"/> writes them.</summary>
    public static string Label(RenderContext context, int minutes, string lang) => context.Format(lang, "reading_time", minutes.ToString());
}
