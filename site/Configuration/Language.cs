using System.Globalization;

namespace ReportArchive.Configuration;

/// <summary>A language of the archive, as <c>site.yml</c> describes it. <see cref="Key"/> names its folder in every address
/// (<c>/zh/</c>), its file in a report bundle (<c>index.zh.md</c>), its interface strings (<c>theme/i18n/zh.yml</c>) and its
/// label in every localised value; <see cref="Tag"/> is what <c>lang</c> and <c>hreflang</c> say.</summary>
public sealed record Language(
    string Key,
    string Tag,
    string Name,
    bool IsOriginal,
    string DateFormat,
    string MonthFormat,
    ReadingUnit ReadingUnit,
    int ReadingRate,
    string OgLocale)
{
    /// <summary>Writes a date as the language does; an inferred date is shown to the month only.</summary>
    public string FormatDate(DateOnly date, bool inferred) => date.ToString(inferred ? MonthFormat : DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The report's file in a bundle for this language.</summary>
    public string FileName => $"index.{Key}.md";
}

/// <summary>What reading time counts: characters (a language written without spaces) or words.</summary>
public enum ReadingUnit
{
    Characters,
    Words,
}
