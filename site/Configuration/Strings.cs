using System.Collections.Immutable;
using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>The theme's interface strings in one language (<c>theme/i18n/{lang}.yml</c>).</summary>
public sealed record Strings(string Lang, ImmutableSortedDictionary<string, string> Values)
{
    public string this[string key] => Values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"theme/i18n/{Lang}.yml has no '{key}'");

    /// <summary>Loads the strings of every language, and reports a key that one of them lacks.</summary>
    public static ImmutableDictionary<string, Strings> LoadAll(string directory, LanguageSet languages, ICollection<Diagnostic> diagnostics)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Strings>();
        foreach (var lang in languages.Keys)
        {
            var file = Path.Combine(directory, lang + ".yml");
            if (!File.Exists(file))
            {
                diagnostics.Add(Diagnostic.Error("RA100", file, 1, $"the theme's {lang} strings are missing"));
                continue;
            }

            var text = Sources.SourceFiles.ReadText(Path.GetDirectoryName(Path.GetFullPath(directory))!, file, file, diagnostics);
            var yaml = text is null ? null : YamlDocument.Parse(file, text, 0, diagnostics);
            if (yaml is not null)
            {
                var values = yaml.Entries.Select(e => (e.Key, Value: yaml.String(e.Key, diagnostics) ?? ""));
                result[lang] = new Strings(lang, values.ToImmutableSortedDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
            }
        }

        var loaded = result.ToImmutable();
        foreach (var (lang, strings) in loaded)
        {
            foreach (var (other, missing) in loaded.Where(o => o.Key != lang).SelectMany(o => o.Value.Values.Keys.Except(strings.Values.Keys).Select(k => (o.Key, k))).DistinctBy(x => x.k))
            {
                diagnostics.Add(Diagnostic.Error("RA107", Path.Combine(directory, lang + ".yml"), 1,
                    $"'{missing}' is in {other}.yml but not here: every interface string needs every language"));
            }
        }

        return loaded;
    }
}
