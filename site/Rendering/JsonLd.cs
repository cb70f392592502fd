namespace ReportArchive.Rendering;

/// <summary>Structured data for search engines (schema.org), serialised with <see cref="Output.JsonTypes.Page"/> so that it is
/// safe inside a script element.</summary>
public static class JsonLd
{
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
