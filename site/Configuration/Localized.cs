using System.Collections.Immutable;

namespace ReportArchive.Configuration;

/// <summary>A value written in each language of the archive (a site title, a department's name), keyed by language key.</summary>
public sealed record Localized(ImmutableDictionary<string, string> Values)
{
    public string In(string lang) => Values.TryGetValue(lang, out var v) ? v : throw new KeyNotFoundException($"no value in '{lang}'");

    /// <summary>One value for every language of <paramref name="languages"/>.</summary>
    public static Localized Same(string value, LanguageSet languages) => new(languages.Keys.ToImmutableDictionary(k => k, _ => value, StringComparer.Ordinal));
}
