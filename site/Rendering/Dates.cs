using System.Globalization;
using ReportArchive.Configuration;

namespace ReportArchive.Rendering;

/// <summary>Dates as each language writes them; an inferred date is shown to the month only.</summary>
public static class Dates
{
    public static string Format(DateOnly date, bool inferred, string lang) => (lang, inferred) switch
    {
        (Languages.Zh, true) => $"{date.Year}年{date.Month}月",
        (Languages.Zh, false) => $"{date.Year}年{date.Month}月{date.Day}日",
        (_, true) => date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
    };
}
