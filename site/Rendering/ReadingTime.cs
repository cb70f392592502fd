using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Rendering;

/// <summary>How long a report takes to read: Chinese by characters (about 400 a minute), English by words (about 220 a minute).</summary>
public static class ReadingTime
{
    public static int Minutes(Translation translation)
    {
        var text = translation.Lead.Concat(translation.Sections.SelectMany(s => s.Blocks)).OfType<Paragraph>().Select(p => p.Text);
        var minutes = translation.Lang == Languages.Zh
            ? text.Sum(t => t.Count(c => char.IsLetterOrDigit(c))) / 400.0
            : text.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) / 220.0;
        return Math.Max(1, (int)Math.Ceiling(minutes));
    }

    public static string Label(int minutes, string lang) => lang == Languages.Zh ? $"约{minutes}分钟读完" : $"{minutes} min read";
}
