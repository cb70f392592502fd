using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>The archive's settings from <c>input/site.yml</c>.</summary>
public sealed record SiteConfig(Bilingual Title, Bilingual Description, Uri BaseUrl, int PageSize = SiteConfig.DefaultPageSize)
{
    public const int DefaultPageSize = 10;

    private static readonly string[] Keys = ["title", "description", "base_url", "page_size"];

    /// <summary>The path part of the base URL, always starting and ending with '/'.</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";

    public static SiteConfig? Load(string file, string? baseUrlOverride, ICollection<Diagnostic> diagnostics)
    {
        var yaml = YamlDocument.Load(file, "the site configuration is missing: create site.yml with title, description and base_url", Keys, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        var title = ReadBilingual(yaml, "title", diagnostics);
        var description = ReadBilingual(yaml, "description", diagnostics);
        var baseText = baseUrlOverride ?? yaml.String("base_url", diagnostics) ?? "http://localhost/";
        if (!Uri.TryCreate(baseText, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != "https" && baseUrl.Scheme != "http"))
        {
            diagnostics.Add(Diagnostic.Error("RA104", baseUrlOverride is null ? file : "--base-url",
                baseUrlOverride is null ? yaml.LineOfKey("base_url") : 1,
                $"base_url '{baseText}' is not an absolute http(s) URL such as https://owner.github.io/repo/"));
            return null;
        }

        if (!baseUrl.AbsoluteUri.EndsWith('/'))
        {
            baseUrl = new Uri(baseUrl.AbsoluteUri + "/");
        }

        var pageSize = DefaultPageSize;
        if (yaml.String("page_size", diagnostics) is { } size && (!int.TryParse(size, out pageSize) || pageSize < 1))
        {
            diagnostics.Add(Diagnostic.Error("RA104", file, yaml.LineOfKey("page_size"), $"page_size '{size}' must be a whole number of at least 1"));
            return null;
        }

        return title is null || description is null ? null : new SiteConfig(title, description, baseUrl, pageSize);
    }

    /// <summary>Reads a <c>{zh, en}</c> mapping, both required.</summary>
    internal static Bilingual? ReadBilingual(YamlDocument yaml, string key, ICollection<Diagnostic> diagnostics)
    {
        var child = yaml.Child(key, diagnostics);
        if (child is null)
        {
            diagnostics.Add(Diagnostic.Error("RA105", yaml.File, yaml.LineOfKey(key), $"'{key}' needs a 'zh' and an 'en' value"));
            return null;
        }

        child.RejectUnknownKeys(Languages.All.ToArray(), diagnostics, key);
        var zh = child.String("zh", diagnostics);
        var en = child.String("en", diagnostics);
        if (zh is null || en is null)
        {
            diagnostics.Add(Diagnostic.Error("RA105", yaml.File, yaml.LineOfKey(key), $"'{key}' needs both a 'zh' and an 'en' value"));
            return null;
        }

        return new Bilingual(zh, en);
    }
}
