using System.Text;

namespace ReportArchive.Content;

/// <summary>The one rule for every address that content may carry, whatever Markdown construct carries it (a link, an autolink,
/// an image, a reference definition): the web (http, https), mail, or a path within the site. Anything else (javascript:,
/// vbscript:, data:, file:, or a scheme hidden behind tabs, newlines or control characters, which browsers skip) is refused.</summary>
public static class UrlPolicy
{
    private static readonly string[] Allowed = ["http", "https", "mailto"];

    public static bool IsAllowed(string? url)
    {
        var scheme = Scheme(url ?? "");
        return scheme is null || Allowed.Contains(scheme);
    }

    /// <summary>The scheme a browser would see, lower-cased, or null for a relative address (a path, a query, a fragment).</summary>
    public static string? Scheme(string url)
    {
        // Browsers drop ASCII tabs and newlines anywhere in a URL and leading control characters and spaces.
        var seen = new StringBuilder();
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r' || (seen.Length == 0 && c <= ' '))
            {
                continue;
            }

            if (c == ':')
            {
                return seen.Length > 0 ? seen.ToString().ToLowerInvariant() : null;
            }

            if (!(char.IsAsciiLetter(c) || (seen.Length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'))))
            {
                return null; // a '/', '?', '#' or any other character before a ':' ends the scheme: a relative address
            }

            seen.Append(c);
        }

        return null;
    }
}
