using System.Collections.Immutable;

namespace ReportArchive.Configuration;

/// <summary>The archive's languages in the order <c>site.yml</c> lists them: exactly one original, the others its translations.</summary>
public sealed class LanguageSet
{
    private readonly ImmutableDictionary<string, Language> _byKey;

    public LanguageSet(IEnumerable<Language> languages)
    {
        All = [.. languages];
        _byKey = All.ToImmutableDictionary(l => l.Key, StringComparer.Ordinal);
        Original = All.Single(l => l.IsOriginal);
        Translations = [.. All.Where(l => !l.IsOriginal)];
    }

    /// <summary>The languages of an archive whose <c>site.yml</c> does not list them: the Chinese original and its English translation.</summary>
    public static LanguageSet Default { get; } = new(
    [
        new Language("zh", "zh-Hans", "中文", true, "yyyy年M月d日", "yyyy年M月", ReadingUnit.Characters, 400, "zh_CN"),
        new Language("en", "en", "English", false, "MMMM d, yyyy", "MMMM yyyy", ReadingUnit.Words, 220, "en_US"),
    ]);

    public ImmutableArray<Language> All { get; }

    public Language Original { get; }

    public ImmutableArray<Language> Translations { get; }

    public IEnumerable<string> Keys => All.Select(l => l.Key);

    public Language this[string key] => _byKey.TryGetValue(key, out var l) ? l : throw new KeyNotFoundException($"the archive has no language '{key}'");

    public Language? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The languages other than <paramref name="key"/>, in their order.</summary>
    public IEnumerable<Language> Except(string key) => All.Where(l => l.Key != key);
}
