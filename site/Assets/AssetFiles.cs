using System.Security.Cryptography;
using ReportArchive.Output;

namespace ReportArchive.Assets;

/// <summary>The theme's static assets, copied with a content hash in their names so that browsers may cache them for good.</summary>
public static class AssetFiles
{
    public static IEnumerable<object> Read(string themeDirectory, ICollection<Pipeline.Diagnostic> diagnostics)
    {
        var assets = Path.Combine(themeDirectory, "assets");
        if (!Directory.Exists(assets))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var display = Content.ReportLoader.Display(file);
            var bytes = Sources.SourceFiles.ReadBytes(themeDirectory, file, Sources.SourceFiles.MaxPhotoBytes,
                problem => Pipeline.Diagnostic.Error("RA202", display, 1, $"this theme asset {problem}"), diagnostics);
            if (bytes is null)
            {
                continue;
            }

            var relative = Path.GetRelativePath(assets, file).Replace(Path.DirectorySeparatorChar, '/');
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var extension = Path.GetExtension(relative);
            var fingerprinted = $"assets/{relative[..^extension.Length]}.{hash}{extension}";
            yield return new Asset(relative, fingerprinted);
            yield return new OutputFile(fingerprinted, bytes);
        }
    }
}

/// <summary>A theme asset's name as templates know it, and its fingerprinted path in the site.</summary>
public sealed record Asset(string Name, string SitePath);
