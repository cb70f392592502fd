using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace ReportArchive.Rendering;

/// <summary>Structured data for search engines (schema.org), serialised so that it is safe inside a script element:
/// markup characters are escaped, Chinese is kept as characters.</summary>
public static class JsonLd
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A <c>NewsArticle</c>.</summary>
    public static Dictionary<string, object?> NewsArticle(string url, string headline, string? alternativeHeadline, string datePublished,
        string inLanguage, string? author, IReadOnlyList<string> images, string publisher, string? translationOf) => new()
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["headline"] = headline,
            ["alternativeHeadline"] = alternativeHeadline,
            ["datePublished"] = datePublished,
            ["inLanguage"] = inLanguage,
            ["author"] = author is null ? null : new Dictionary<string, string> { ["@type"] = "Person", ["name"] = author },
            ["image"] = images.Count == 0 ? null : images,
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = publisher },
            ["translationOfWork"] = translationOf is null ? null : new Dictionary<string, string> { ["@id"] = translationOf },
        };
}
