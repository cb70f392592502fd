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
    IReadOnlyDictionary<string, int> Lines)
{
    /// <summary>The keys a Chinese original may carry.</summary>
    public static readonly string[] OriginalKeys = ["kicker", "title", "subtitle", "date", "date_inferred", "byline", "departments", "topics", "slug", "page", "paper"];

    /// <summary>The keys a translation may carry: what it translates, and from which version of the original.</summary>
    public static readonly string[] TranslationKeys = ["kicker", "title", "subtitle", "byline", "translator", "translation_of", "drafts"];

    public int LineOf(string key) => Lines.TryGetValue(key, out var line) ? line : 1;

    /// <summary>The kicker (引题) printed above the headline, if the paper had one.</summary>
    public string? Kicker { get; init; }

    /// <summary>The page the report was printed on (第3版, A2), as the paper labelled it.</summary>
    public string? Page { get; init; }

    /// <summary>The newspaper the report was printed in, where it is not the archive's own (<c>paper</c> in <c>site.yml</c>).</summary>
    public string? Paper { get; init; }

    /// <summary>Who translated a translation, credited at the end of its page.</summary>
    public string? Translator { get; init; }

    /// <summary>The parts of a translation that are drafts (an unconfirmed or machine translation): published only as
    /// <c>translation_drafts</c> in <c>site.yml</c> says.</summary>
    public ImmutableArray<(string Value, int Line)> Drafts { get; init; } = [];
}
