using System.Collections.Immutable;
using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>The departments and topics a report may name, each with its label in every language (<c>input/taxonomy.yml</c>).</summary>
public sealed record Taxonomy(ImmutableSortedDictionary<string, Localized> Departments, ImmutableSortedDictionary<string, Localized> Topics)
{
    private static readonly string[] Keys = ["departments", "topics"];

    public static Taxonomy? Load(string file, LanguageSet languages, ICollection<Diagnostic> diagnostics)
    {
        var yaml = YamlDocument.Load(file, "the taxonomy is missing: create taxonomy.yml with 'departments' and 'topics'", Keys, diagnostics);
        return yaml is null ? null : new Taxonomy(ReadGroup(yaml, "departments", languages, diagnostics), ReadGroup(yaml, "topics", languages, diagnostics));
    }

    private static ImmutableSortedDictionary<string, Localized> ReadGroup(YamlDocument yaml, string key, LanguageSet languages, ICollection<Diagnostic> diagnostics)
    {
        var group = yaml.Child(key, diagnostics);
        var result = ImmutableSortedDictionary.CreateBuilder<string, Localized>(StringComparer.Ordinal);
        if (group is null)
        {
            return result.ToImmutable();
        }

        foreach (var (name, _, line) in group.Entries)
        {
            if (!Slugs.IsValid(name))
            {
                diagnostics.Add(Diagnostic.Error("RA106", yaml.File, line, $"'{name}' is not a valid key: use {Slugs.Rule}"));
            }

            if (SiteConfig.ReadLocalized(group, name, languages, diagnostics) is { } label)
            {
                result[name] = label;
            }
        }

        return result.ToImmutable();
    }
}
