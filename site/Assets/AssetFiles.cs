using System.Collections.Immutable;
using System.Security.Cryptography;
using ReportArchive.Build;
using ReportArchive.Output;

namespace ReportArchive.Assets;

/// <summary>The theme's static assets, copied with a content hash in their names so that browsers may cache them for good.</summary>
public static class AssetFiles
{
    public static AssetSet Read(string themeDirectory, ICollection<Diagnostic> diagnostics)
    {
        var assets = Path.Combine(themeDirectory, "assets");
        var paths = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var files = new List<OutputFile>();
        IEnumerable<string> found = Directory.Exists(assets) ? Directory.EnumerateFiles(assets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        foreach (var file in found)
        {
            var display = Content.ReportLoader.Display(file);
            var bytes = Sources.SourceFiles.ReadBytes(themeDirectory, file, Sources.SourceFiles.MaxPhotoBytes,
                problem => Diagnostic.Error("RA202", display, 1, $"this theme asset {problem}"), diagnostics);
            if (bytes is null)
            {
                continue;
            }

            var relative = Path.GetRelativePath(assets, file).Replace(Path.DirectorySeparatorChar, '/');
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
            var fingerprinted = Routing.Routes.Asset(relative, hash);
            paths[relative] = fingerprinted;
            files.Add(new OutputFile(fingerprinted, bytes));
        }

        return new AssetSet(paths.ToImmutable(), files);
    }
}

/// <summary>The theme's assets: each one's fingerprinted site path under the name templates know it by, and their files.</summary>
public sealed record AssetSet(ImmutableDictionary<string, string> Paths, IReadOnlyList<OutputFile> Files) : IPublishes;
