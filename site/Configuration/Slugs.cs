using System.Text.RegularExpressions;

namespace ReportArchive.Configuration;

/// <summary>The rule for every name that appears in a URL or an anchor: lower-case ASCII words joined by hyphens.</summary>
public static partial class Slugs
{
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
