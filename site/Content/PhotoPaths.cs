namespace ReportArchive.Content;

/// <summary>The rule for a figure's source: a relative path inside the report's own folder, never a URL or a way out of it.</summary>
public static class PhotoPaths
{
    public static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>The longest a photo's file name may be: its published copies are named by it with their width and a hash added,
    /// and a file system takes 255 bytes a name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Why <paramref name="source"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return "this photo has no path: write it as ![caption](photos/x.jpg)";
        }

        if (source.Contains("://", StringComparison.Ordinal) || source.StartsWith("//", StringComparison.Ordinal) || source.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return $"'{source}' is a remote address: nothing is fetched at build time; put the photo in the report's photos/ folder";
        }

        if (Path.IsPathRooted(source) || source.Split('/', '\\').Contains(".."))
        {
            return $"'{source}' points outside the report's folder: use a path such as photos/x.jpg";
        }

        if (Path.GetFileName(source).Length > MaxNameLength)
        {
            return $"'{source}': a photo's file name may have at most {MaxNameLength} characters (its published copies add their width and a hash to it): rename it";
        }

        if (!Extensions.Contains(Path.GetExtension(source).ToLowerInvariant()))
        {
            return $"'{source}' is not a photo format the archive takes ({string.Join(", ", Extensions)})";
        }

        return null;
    }
}
