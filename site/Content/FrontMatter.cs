using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>A language file's front matter, with the line of each key for diagnostics.</summary>
public sealed record FrontMatter(
    string? Title,
    string? Subtitle,
    DateOnly? Date,
    bool DateInferred,
    string? Byline,
    ImmutableArray<(string Value, int Line)> Departments,
    ImmutableArray<(string Value, int Line)> Topics,
    string? Slug,
    ImmutableArray<(string Key, string Value, int Line)> TranslationOf,
    ImmutableDictionary<string, int> Lines)
{
    /// <summary>The keys a Chinese original may carry.</summary>
    public static readonly string[] OriginalKeys = ["title", "subtitle", "date", "date_inferred", "byline", "departments", "topics", "slug"];

    /// <summary>The keys a translation may carry: what it translates, and from which version of the original.</summary>
    public static readonly string[] TranslationKeys = ["title", "subtitle", "byline", "translation_of"];

    public int LineOf(string key) => Lines.TryGetValue(key, out var line) ? line : 1;
}
