using System.Security.Cryptography;
using ReportArchive.Output;

namespace ReportArchive.Assets;

/// <summary>The theme's static assets, copied with a content hash in their names so that browsers may cache them for good.</summary>
public static class AssetFiles
{
    public static IEnumerable<object> Read(string themeDirectory)
    {
        var assets = Path.Combine(themeDirectory, "assets");
        if (!Directory.Exists(assets))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
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
