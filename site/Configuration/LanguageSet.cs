using System.Collections.Immutable;

namespace ReportArchive.Configuration;

/// <summary>The archive's languages in the order <c>site.yml</c> lists them: exactly one original, the others its translations.</summary>
public sealed class LanguageSet
{
    private readonly ImmutableDictionary<string, Language> _byKey;

    public LanguageSet(IEnumerable<Language> languages)
    {
        All = [.. Distinguished([.. languages])];
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

    /// <summary>Chinese in both scripts: a bare 中文 (or 中文 with the script's name in brackets) beside 繁體中文 would not say which it
    /// is, so the Simplified one is named 简体中文 (and a bare Traditional one 繁體中文).</summary>
    private static IEnumerable<Language> Distinguished(List<Language> languages)
    {
        static bool Is(Language l, string script) => l.Tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase) && l.Tag.Contains(script, StringComparison.OrdinalIgnoreCase);
        if (!languages.Any(l => Is(l, "Hans")) || !languages.Any(l => Is(l, "Hant")))
        {
            return languages;
        }

        return languages.Select(l => l.Name is "中文" or "中文（简体）" or "中文（繁體）" or "中文(简体)" or "中文(繁體)"
            ? l with { Name = Is(l, "Hans") ? "简体中文" : Is(l, "Hant") ? "繁體中文" : l.Name }
            : l);
    }

    /// <summary>The languages other than <paramref name="key"/>, in their order.</summary>
    public IEnumerable<Language> Except(string key) => All.Where(l => l.Key != key);
}
