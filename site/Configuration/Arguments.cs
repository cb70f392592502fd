using System.Globalization;

namespace ReportArchive.Configuration;

/// <summary>Checks of option values that several commands take, with the message each prints when a value is wrong.</summary>
public static class Arguments
{
    public static bool TryDate(string text, TextWriter stderr, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        stderr.WriteLine($"--date '{text}' is not a date in the form yyyy-MM-dd");
        return false;
    }

    public static bool IsSlug(string slug, TextWriter stderr)
    {
        if (Slugs.IsValid(slug))
        {
            return true;
        }

        stderr.WriteLine($"--slug '{slug}' is not valid: use {Slugs.Rule}");
        return false;
    }
}
