using System.Text.RegularExpressions;

namespace ReportArchive.Configuration;

/// <summary>The rule for every name that appears in a URL or an anchor: lower-case ASCII words joined by hyphens, at most
/// <see cref="MaxLength"/> characters (a folder of the site is named by it, and a file system takes 255 bytes a name).</summary>
public static partial class Slugs
{
    /// <summary>The longest a name may be: a readable address, far from any file system's limit on a name or a path.</summary>
    public const int MaxLength = 80;

    /// <summary>What every message about a name says it must be.</summary>
    public static readonly string Rule = $"lower-case ASCII letters, digits and '-', at most {MaxLength} characters";

    public static bool IsValid(string value) => value.Length <= MaxLength && Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
