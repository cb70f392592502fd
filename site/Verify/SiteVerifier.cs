using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml;
using AngleSharp.Html.Parser;
using ReportArchive.Build;

namespace ReportArchive.Verify;

/// <summary>Checks a built site as a reader's browser would meet it: every internal link, source, <c>srcset</c> candidate, feed and
/// sitemap address resolves to a file of the site (and its <c>#fragment</c> to an element of that page), no URL carries a script
/// scheme, and nothing points outside the base path. External addresses are not fetched: a build never touches the network.</summary>
public sealed partial class SiteVerifier(string output, Uri baseUrl)
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    private readonly string _output = Path.GetFullPath(output);
    private readonly string _basePath = Routing.Routes.BasePathOf(baseUrl);

    /// <summary>A URL found in a file, with where it was found.</summary>
    private sealed record Reference(string File, int Line, int Column, string Url);

    public IReadOnlyList<Diagnostic> Verify()
    {
        var files = Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var ids = new ConcurrentDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var references = new ConcurrentBag<Reference>();
        Parallel.ForEach(files, file =>
        {
            var extension = Path.GetExtension(file);
            if (extension == ".html")
            {
                ReadPage(file, ids, references);
            }
            else if (extension == ".xml")
            {
                ReadXml(file, references);
            }
            else if (extension == ".css")
            {
                ReadCss(file, references);
            }
        });

        var diagnostics = references.Select(r => Check(r, ids)).OfType<Diagnostic>().Distinct().ToList();
        return [.. diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)];
    }

    private void ReadPage(string file, ConcurrentDictionary<string, HashSet<string>> ids, ConcurrentBag<Reference> references)
    {
        var document = Parser.ParseDocument(File.ReadAllText(Path.Combine(_output, file)));
        ids[file] = [.. document.QuerySelectorAll("[id]").Select(e => e.Id!)];
        foreach (var element in document.QuerySelectorAll("[href], [src], [srcset], [action], [poster], meta[property='og:url'], meta[property='og:image']"))
        {
            var (line, column) = element.SourceReference is { } source ? (source.Position.Line, source.Position.Column) : (1, 1);
            foreach (var attribute in new[] { "href", "src", "action", "poster" })
            {
                if (element.GetAttribute(attribute) is { } url)
                {
                    references.Add(new Reference(file, line, column, url));
                }
            }

            if (element.LocalName == "meta" && element.GetAttribute("content") is { } content)
            {
                references.Add(new Reference(file, line, column, content));
            }

            foreach (var candidate in (element.GetAttribute("srcset") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                references.Add(new Reference(file, line, column, candidate.Split(' ', 2)[0]));
            }
        }
    }

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private void ReadXml(string file, ConcurrentBag<Reference> references)
    {
        using var reader = XmlReader.Create(Path.Combine(_output, file), XmlSettings);
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "link" && reader.GetAttribute("href") is { } href)
            {
                references.Add(new Reference(file, info.LineNumber, info.LinePosition, href));
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "loc" or "id" or "uri")
            {
                var (line, column) = (info.LineNumber, info.LinePosition);
                var text = reader.ReadElementContentAsString().Trim();
                if (text.StartsWith("http", StringComparison.Ordinal))
                {
                    references.Add(new Reference(file, line, column, text));
                }
            }
        }
    }

    private void ReadCss(string file, ConcurrentBag<Reference> references)
    {
        var lines = File.ReadAllLines(Path.Combine(_output, file));
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in CssUrl().Matches(lines[i]))
            {
                var url = match.Groups[1].Value.Trim('"', '\'', ' ');
                if (!url.StartsWith("data:", StringComparison.Ordinal))
                {
                    references.Add(new Reference(file, i + 1, match.Index + 1, url));
                }
            }
        }
    }

    [GeneratedRegex(@"url\(([^)]*)\)")]
    private static partial Regex CssUrl();

    private Diagnostic? Check(Reference reference, ConcurrentDictionary<string, HashSet<string>> ids)
    {
        var display = Path.Combine(output, reference.File);
        Diagnostic Error(string code, string message) => Diagnostic.Error(code, display, reference.Line, message, reference.Column);

        var url = reference.Url.Trim();
        if (ScriptScheme().IsMatch(url))
        {
            return Error("RA501", $"'{Shorten(url)}' is a script or data address: no page may carry one");
        }

        if (url.Length == 0 || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var page = new Uri(baseUrl, reference.File.EndsWith("index.html", StringComparison.Ordinal) ? reference.File[..^"index.html".Length] : reference.File);
        if (!Uri.TryCreate(page, url, out var target))
        {
            return Error("RA502", $"'{Shorten(url)}' is not a valid address");
        }

        if (target.Scheme is not ("http" or "https"))
        {
            return Error("RA501", $"'{Shorten(url)}' uses the scheme '{target.Scheme}:', which no page may link to");
        }

        if (target.Authority != baseUrl.Authority)
        {
            return null; // an external address: not fetched, a build never touches the network
        }

        var path = Uri.UnescapeDataString(target.AbsolutePath);
        if (!path.StartsWith(_basePath, StringComparison.Ordinal))
        {
            return Error("RA503", $"'{Shorten(url)}' leaves the site's base path {_basePath}");
        }

        var relative = path[_basePath.Length..];
        var file = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        if (!File.Exists(Path.Combine(_output, file)))
        {
            if (File.Exists(Path.Combine(_output, file, "index.html")))
            {
                file += "/index.html";
            }
            else
            {
                return Error("RA504", $"'{Shorten(url)}' resolves to no file of the site ({file})");
            }
        }

        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        if (fragment.Length > 0 && file.EndsWith(".html", StringComparison.Ordinal) && ids.TryGetValue(file, out var known) && !known.Contains(fragment))
        {
            return Error("RA505", $"'{Shorten(url)}' names #{fragment}, which {file} does not have");
        }

        return null;
    }

    private static string Shorten(string url) => url.Length > 120 ? url[..117] + "..." : url;

    [GeneratedRegex(@"^\s*(javascript|vbscript|data|file):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptScheme();
}
