namespace ReportArchive.Build;

/// <summary>"Did you mean …?": the known name closest to a misspelt one.</summary>
public static class Suggestion
{
    /// <summary>The known name within <paramref name="most"/> edits of <paramref name="name"/> (or equal but for underscores), if any.</summary>
    public static string? Closest(string name, IEnumerable<string> known, int most = 2) =>
        known.Select(k => (Name: k, Distance: k.Replace("_", "", StringComparison.Ordinal) == name.Replace("_", "", StringComparison.Ordinal) ? 0 : Distance(k, name)))
            .Where(k => k.Distance <= most).OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal).Select(k => k.Name).FirstOrDefault();

    /// <summary>The number of single-character insertions, deletions and substitutions that turn one string into the other.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
