using System.Collections.Immutable;
using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>The archive's settings from <c>input/site.yml</c>.</summary>
public sealed record SiteConfig(LanguageSet Languages, Localized Title, Localized Description, Uri BaseUrl, int PageSize = SiteConfig.DefaultPageSize)
{
    public const int DefaultPageSize = 10;

    /// <summary>Whether a translation's draft parts are published with a label saying so (<c>translation_drafts: label</c>)
    /// rather than left to the original (<c>hide</c>, the default).</summary>
    public bool LabelDrafts { get; init; }

    /// <summary>The newspaper the archive's reports were printed in, named in each report's source line unless its front matter names another.</summary>
    public Localized? Paper { get; init; }

    /// <summary>Why a site address cannot be the base of every published address, or null: it must be http(s) with a host, and
    /// may have a port and a path, nothing else (a query or fragment would break every address made from it, and user name and
    /// password would be published in every canonical link).</summary>
    private static string? BaseUrlProblem(string text, out Uri url)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url!) || (url.Scheme != "https" && url.Scheme != "http") || url.Host.Length == 0)
        {
            return "is not an absolute http(s) URL such as https://owner.github.io/repo/";
        }

        return url.UserInfo.Length > 0 || text.Contains('@', StringComparison.Ordinal) ? "carries a user name or password: give the public address alone, such as https://owner.github.io/repo/"
            : url.Query.Length > 0 || text.Contains('?', StringComparison.Ordinal) ? "has a query ('?…'): a site address is scheme, host, port and path only"
            : url.Fragment.Length > 0 || text.Contains('#', StringComparison.Ordinal) ? "has a fragment ('#…'): a site address is scheme, host, port and path only"
            : null;
    }

    private static readonly string[] Keys = ["title", "description", "base_url", "page_size", "languages", "paper", "translation_drafts"];

    public static SiteConfig? Load(string file, string? baseUrlOverride, ICollection<Diagnostic> diagnostics) =>
        Load(file, baseUrlOverride, diagnostics, out _);

    /// <summary>Reads the configuration; <paramref name="languages"/> are the archive's languages when they could be read, even
    /// if another part of the file could not (so that the rest of the content is checked in the right languages).</summary>
    public static SiteConfig? Load(string file, string? baseUrlOverride, ICollection<Diagnostic> diagnostics, out LanguageSet? languages)
    {
        languages = null;
        var yaml = YamlDocument.Load(file, "the site configuration is missing: create site.yml with title, description and base_url", Keys, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        languages = LanguageConfig.Read(yaml, diagnostics);
        if (languages is null)
        {
            return null;
        }

        var title = ReadLocalized(yaml, "title", languages, diagnostics);
        var description = ReadLocalized(yaml, "description", languages, diagnostics);
        var baseText = baseUrlOverride ?? yaml.String("base_url", diagnostics) ?? "http://localhost/";
        if (BaseUrlProblem(baseText, out var baseUrl) is { } problem)
        {
            diagnostics.Add(Diagnostic.Error("RA104", baseUrlOverride is null ? file : "--base-url",
                baseUrlOverride is null ? yaml.LineOfKey("base_url") : 1, $"base_url '{baseText}' {problem}"));
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

        // The paper the archive's reports were printed in, one name for every language or one in each.
        var paperNode = yaml.Get("paper");
        var paper = paperNode switch
        {
            null => null,
            YamlDotNet.RepresentationModel.YamlScalarNode => yaml.String("paper", diagnostics) is { } name ? Localized.Same(name, languages) : null,
            _ => ReadLocalized(yaml, "paper", languages, diagnostics),
        };
        var drafts = yaml.String("translation_drafts", diagnostics) ?? "hide";
        if (drafts is not ("hide" or "label"))
        {
            diagnostics.Add(Diagnostic.Error("RA104", file, yaml.LineOfKey("translation_drafts"), $"translation_drafts '{drafts}' must be 'hide' (a draft part is not published) or 'label' (published with a draft label)"));
            return null;
        }

        return title is null || description is null || (paperNode is not null && paper is null) ? null
            : new SiteConfig(languages, title, description, baseUrl, pageSize) { Paper = paper, LabelDrafts = drafts == "label" };
    }

    /// <summary>Reads a value in each language (<c>{zh: …, en: …}</c>): every language of the archive is required, no other.</summary>
    internal static Localized? ReadLocalized(YamlDocument yaml, string key, LanguageSet languages, ICollection<Diagnostic> diagnostics)
    {
        var keys = string.Join(", ", languages.Keys.Select(k => $"'{k}'"));
        var child = yaml.Child(key, diagnostics);
        if (child is null)
        {
            diagnostics.Add(Diagnostic.Error("RA105", yaml.File, yaml.LineOfKey(key), $"'{key}' needs a value in each language: {keys}"));
            return null;
        }

        child.RejectUnknownKeys([.. languages.Keys], diagnostics, key);
        var values = languages.Keys.Select(k => (Key: k, Value: child.String(k, diagnostics))).ToList();
        if (values.Any(v => v.Value is null))
        {
            diagnostics.Add(Diagnostic.Error("RA105", yaml.File, yaml.LineOfKey(key),
                $"'{key}' has no value in {string.Join(", ", values.Where(v => v.Value is null).Select(v => $"'{v.Key}'"))}: it needs one in each language ({keys})"));
            return null;
        }

        return new Localized(values.ToImmutableDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal));
    }
}
