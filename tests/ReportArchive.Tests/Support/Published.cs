using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ReportArchive.Content;

namespace ReportArchive.Tests.Support;

/// <summary>What a built site carries that could run: every address in every page and feed entry whose scheme is not one a link
/// may have, and every script element that is not the theme's own file or well-formed JSON-LD.</summary>
public static class Published
{
    private static readonly HtmlParser Parser = new();
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "poster", "xlink:href", "data"];

    public static List<string> Scripts(string output)
    {
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(output, file);
            if (file.EndsWith(".html", StringComparison.Ordinal))
            {
                problems.AddRange(InDocument(name, Parser.ParseDocument(File.ReadAllText(file)), page: true));
            }
            else if (file.EndsWith(".xml", StringComparison.Ordinal) && XDocument.Load(file).Root is { } root)
            {
                // A feed carries each entry's HTML as escaped text (type="html"): a reader renders it, so it is checked as a page
                // would be. Text-typed elements are shown as text by every reader.
                foreach (var content in root.Descendants().Where(e => e.Name.LocalName is "content" or "summary" && (string?)e.Attribute("type") is "html" or "xhtml"))
                {
                    problems.AddRange(InDocument(name, Parser.ParseDocument(content.Value), page: false));
                }
            }
        }

        return problems;
    }

    private static IEnumerable<string> InDocument(string name, IDocument document, bool page)
    {
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"{name}: <{element.LocalName} {attribute.Name}=…>";
                }

                var urls = attribute.Name == "srcset" ? attribute.Value.Split(',').Select(c => c.Trim().Split(' ')[0])
                    : UrlAttributes.Contains(attribute.Name) ? [attribute.Value] : [];
                foreach (var url in urls.Where(u => !UrlPolicy.IsAllowed(u)))
                {
                    yield return $"{name}: <{element.LocalName} {attribute.Name}=\"{url}\">";
                }
            }

            // The root page's small inline script (it follows the browser's language) is the theme's own.
            var rootScript = name == "index.html" && element.LocalName == "script" && !element.HasAttribute("src") && !element.HasAttribute("type");
            if (element.LocalName is "script" or "iframe" or "object" or "embed" && !(page && (IsThemeScript(element) || rootScript)))
            {
                yield return $"{name}: a <{element.LocalName}> element";
            }
        }
    }

    private static bool IsThemeScript(IElement script)
    {
        if (script.LocalName != "script")
        {
            return false;
        }

        if (script.GetAttribute("src") is { } src)
        {
            return src.Contains("/assets/", StringComparison.Ordinal);
        }

        if (script.GetAttribute("type") == "application/ld+json")
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                return json.RootElement.ValueKind == JsonValueKind.Object;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        return false;
    }
}
