using System.Collections.Immutable;
using ReportArchive.Build;
using ReportArchive.Output;

namespace ReportArchive.Assets;

/// <summary>The theme's static assets, copied with a content hash in their names so that browsers may cache them for good;
/// stylesheets and scripts are minified on the way (NUglify), so that a theme is written to be read and served to be light.</summary>
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
            bytes = Minified(relative, display, bytes, diagnostics);
            var hash = Hashes.Hex(bytes, 10);
            var fingerprinted = Routing.Routes.Asset(relative, hash);
            paths[relative] = fingerprinted;
            files.Add(new OutputFile(fingerprinted, bytes));
        }

        return new AssetSet(paths.ToImmutable(), files);
    }

    /// <summary>A stylesheet or script minified; as written, with a warning at its first problem, when the minifier finds one.</summary>
    private static byte[] Minified(string name, string display, byte[] bytes, ICollection<Diagnostic> diagnostics)
    {
        var kind = Path.GetExtension(name).ToLowerInvariant();
        if (kind is not (".css" or ".js"))
        {
            return bytes;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var result = kind == ".css"
            ? NUglify.Uglify.Css(text, new NUglify.Css.CssSettings { CommentMode = NUglify.Css.CssComment.None, OutputMode = NUglify.OutputMode.SingleLine })
            : NUglify.Uglify.Js(text, new NUglify.JavaScript.CodeSettings { PreserveImportantComments = false, LocalRenaming = NUglify.JavaScript.LocalRenaming.CrunchAll });
        if (result.HasErrors)
        {
            var error = result.Errors.First(e => e.IsError);
            diagnostics.Add(Diagnostic.Warning("RA204", display, Math.Max(1, error.StartLine),
                $"this theme asset is published as written: it could not be minified ({error.Message})", Math.Max(1, error.StartColumn)));
            return bytes;
        }

        return System.Text.Encoding.UTF8.GetBytes(result.Code);
    }
}

/// <summary>The theme's assets: each one's fingerprinted site path under the name templates know it by, and their files.</summary>
public sealed record AssetSet(ImmutableDictionary<string, string> Paths, IReadOnlyList<OutputFile> Files) : IPublishes;
