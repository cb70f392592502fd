using System.Globalization;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>How much text a part holds, as an agency quotes it: the original's characters (Chinese is counted in characters,
/// punctuation and spaces left out) or words, split by what the archive's memory already has (new: under 75 %, fuzzy: 75–99 %,
/// exact: the same text), and the words (or characters) its translation has so far.</summary>
public sealed record PartCount(string Key, int New, int Fuzzy, int Exact, int Translated)
{
    public int Source => New + Fuzzy + Exact;
}

public static class WordCounts
{
    /// <summary>The counts of every part of a report (the head, then each section) for one translation language.</summary>
    public static List<PartCount> Of(Report report, Language original, Language target, TranslationMemory memory, string input)
    {
        var origin = Path.GetRelativePath(input, report.Directory).Replace('\\', '/') + "/";
        var translation = report.FileIn(target.Key);
        var counts = new List<PartCount> { Part(TranslationHashes.HeadKey, HeadTexts(report.Original), translation is null ? [] : HeadTexts(translation), original, target, memory, origin) };
        foreach (var section in report.Original.Sections)
        {
            var translated = translation?.Sections.FirstOrDefault(s => s.Id == section.Id);
            counts.Add(Part(section.Id, [section.Heading, .. Texts(section.Blocks)], translated is null ? [] : [translated.Heading, .. Texts(translated.Blocks)], original, target, memory, origin));
        }

        return counts;
    }

    private static PartCount Part(string key, IEnumerable<string> source, IEnumerable<string> translated, Language original, Language target, TranslationMemory memory, string origin)
    {
        var (fresh, fuzzy, exact) = (0, 0, 0);
        foreach (var text in source.Where(t => t.Length > 0))
        {
            var size = Count(text, original);
            var best = memory.Lookup(text, 1, origin).FirstOrDefault()?.Similarity ?? 0;
            if (best >= 100)
            {
                exact += size;
            }
            else if (best >= TranslationMemory.Threshold)
            {
                fuzzy += size;
            }
            else
            {
                fresh += size;
            }
        }

        return new PartCount(key, fresh, fuzzy, exact, translated.Sum(t => Count(t, target)));
    }

    private static IEnumerable<string> HeadTexts(Translation translation) =>
        new[] { translation.Front.Kicker, translation.Front.Title, translation.Front.Subtitle, translation.Front.Byline }.OfType<string>().Concat(Texts(translation.Lead));

    private static IEnumerable<string> Texts(IEnumerable<Block> blocks) =>
        blocks.Select(b => b switch { Paragraph p => p.Text, Figure f => f.Caption, _ => "" });

    /// <summary>A text's size in the unit its language is read in: characters other than punctuation and spaces, or words.</summary>
    public static int Count(string text, Language language) =>
        language.ReadingUnit == ReadingUnit.Characters
            ? text.Count(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c))
            : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
