using System.Collections.Immutable;
using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>The departments and topics a report may name, each with its label in both languages (<c>input/taxonomy.yml</c>).</summary>
public sealed record Taxonomy(ImmutableSortedDictionary<string, Bilingual> Departments, ImmutableSortedDictionary<string, Bilingual> Topics)
{
    private static readonly string[] Keys = ["departments", "topics"];

    public static Taxonomy? Load(string file, ICollection<Diagnostic> diagnostics)
    {
        var yaml = YamlDocument.Load(file, "the taxonomy is missing: create taxonomy.yml with 'departments' and 'topics'", Keys, diagnostics);
        return yaml is null ? null : new Taxonomy(ReadGroup(yaml, "departments", diagnostics), ReadGroup(yaml, "topics", diagnostics));
    }

    private static ImmutableSortedDictionary<string, Bilingual> ReadGroup(YamlDocument yaml, string key, ICollection<Diagnostic> diagnostics)
    {
        var group = yaml.Child(key, diagnostics);
        var result = ImmutableSortedDictionary.CreateBuilder<string, Bilingual>(StringComparer.Ordinal);
        if (group is null)
        {
            return result.ToImmutable();
        }

        foreach (var (name, _, line) in group.Entries)
        {
            if (!Slugs.IsValid(name))
            {
                diagnostics.Add(Diagnostic.Error("RA106", yaml.File, line, $"'{name}' is not a valid key: use lower-case ASCII letters, digits and '-'"));
            }

            if (SiteConfig.ReadBilingual(group, name, diagnostics) is { } label)
            {
                result[name] = label;
            }
        }

        return result.ToImmutable();
    }
}
