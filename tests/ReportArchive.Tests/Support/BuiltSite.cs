using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ReportArchive.Tests.Support;

/// <summary>A built site on disk, read back with AngleSharp as a browser would see its pages.</summary>
public sealed class BuiltSite(string output, string basePath)
{
    private static readonly HtmlParser Parser = new();

    public string Output { get; } = output;

    public IDocument Page(string sitePath) =>
        Parser.ParseDocument(File.ReadAllText(Path.Combine(Output, sitePath.TrimStart('/'), sitePath.EndsWith('/') || sitePath.Length == 0 ? "index.html" : "")));

    public IEnumerable<string> HtmlFiles() =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'));

    /// <summary>The file an internal URL resolves to, or null when it leaves the site or does not exist; checks the #fragment too.</summary>
    public string? Resolve(string url, out string? problem)
    {
        problem = null;
        var (path, fragment) = url.Split('#', 2) is [var p, var f] ? (p, f) : (url, null);
        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            problem = $"{url} is not under the base path {basePath}";
            return null;
        }

        var relative = Uri.UnescapeDataString(path[basePath.Length..]);
        var file = Path.Combine(Output, relative.EndsWith('/') || relative.Length == 0 ? relative + "index.html" : relative);
        if (!File.Exists(file))
        {
            problem = $"{url} resolves to no file";
            return null;
        }

        if (fragment is { Length: > 0 } && Parser.ParseDocument(File.ReadAllText(file)).GetElementById(fragment) is null)
        {
            problem = $"{url} names #{fragment}, which {relative} does not have";
            return null;
        }

        return file;
    }

    /// <summary>Every problem with the internal links and sources of every page.</summary>
    public List<string> BrokenLinks()
    {
        var problems = new List<string>();
        foreach (var page in HtmlFiles())
        {
            var document = Parser.ParseDocument(File.ReadAllText(Path.Combine(Output, page)));
            var urls = document.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Concat(document.QuerySelectorAll("[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(',').Select(c => c.Trim().Split(' ')[0])));
            foreach (var url in urls)
            {
                if (url.StartsWith("http", StringComparison.Ordinal))
                {
                    continue; // canonical and alternate links are absolute, checked by their own tests
                }

                var target = url.StartsWith('#') ? basePath + page.Replace("index.html", "") + url : url;
                if (Resolve(target, out var problem) is null)
                {
                    problems.Add($"{page}: {problem}");
                }
            }
        }

        return problems;
    }
}
