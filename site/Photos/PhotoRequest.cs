namespace ReportArchive.Photos;

/// <summary>A photo that a report uses: the bundle, the path written in the Markdown, where it is first used (for messages), and
/// the name its published files start with.</summary>
public sealed record PhotoRequest(string ReportDirectory, string Source, string SitePrefix, string UsedInFile, int UsedAtLine, string Name)
{
    /// <summary>The published names of a report's photos: the file name without its extension, with anything but letters, digits,
    /// '-' and '_' made '-' (so that no space or comma breaks a <c>srcset</c>); where two sources would share a name (x.jpg and
    /// x.jpeg), each keeps its extension in it.</summary>
    public static IReadOnlyDictionary<string, string> Names(IEnumerable<string> sources)
    {
        static string Safe(string text)
        {
            var safe = new string(text.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
            return safe.Length == 0 ? "photo" : safe;
        }

        var distinct = sources.Distinct().ToList();
        var stems = distinct.ToDictionary(s => s, s => Safe(Path.GetFileNameWithoutExtension(s)));
        return distinct.ToDictionary(s => s, s => stems.Count(o => o.Value == stems[s]) == 1 ? stems[s] : Safe(Path.GetFileName(s)));
    }
}
