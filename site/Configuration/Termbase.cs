using System.Collections.Immutable;
using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>A term of the archive: its form in the originals, how each translation language writes it, a note for translators,
/// and the variants a translation must not use.</summary>
public sealed record Term(string Source, ImmutableDictionary<string, string> Targets, string? Note,
    ImmutableDictionary<string, ImmutableArray<string>> Forbidden, int Line);

/// <summary>The archive's termbase, <c>input/terms.yml</c> (optional): a mapping from each term as the originals write it to
/// its translation per language (by language key), with an optional <c>note</c> and <c>forbidden</c> variants per language:</summary>
/// <example><code>
/// 区行政审批服务局:
///   en: Administrative Approval Service Bureau
///   note: The bureau's full name; the reports also write 区行政审批局.
///   forbidden:
///     en: [Administrative Approval Bureau]
/// </code></example>
/// <remarks><c>check</c> warns where a translation of a paragraph holding a term lacks its translation (RA193) or uses a
/// forbidden variant (RA194); <c>translate</c> shows the terms beside the slots and <c>xliff export</c> sends them in the
/// Glossary module. A term's translation is never taken for a variant spelt two ways (RA195).</remarks>
public sealed class Termbase
{
    public const string FileName = "terms.yml";

    public static readonly Termbase Empty = new([]);

    private Termbase(ImmutableArray<Term> terms) => Terms = terms;

    /// <summary>The terms, the longest source first (a term inside a longer one is not looked for where the longer one stands).</summary>
    public ImmutableArray<Term> Terms { get; }

    /// <summary>Reads <paramref name="path"/>; a termbase that is not there is empty; null after errors, reported at their lines.</summary>
    public static Termbase? Load(string input, string path, LanguageSet languages, ICollection<Diagnostic> diagnostics)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        var count = diagnostics.Count;
        if (Sources.SourceFiles.ReadText(input, path, path, diagnostics) is not { } text || YamlDocument.Parse(path, text, 0, diagnostics) is not { } yaml)
        {
            return null;
        }

        var keys = languages.Translations.Select(l => l.Key).Concat(["note", "forbidden"]).ToList();
        var terms = new List<Term>();
        foreach (var (source, _, line) in yaml.Entries.ToList())
        {
            if (source.Trim().Length == 0 || yaml.Get(source) is not YamlDotNet.RepresentationModel.YamlMappingNode || yaml.Child(source, diagnostics) is not { } entry)
            {
                diagnostics.Add(Diagnostic.Error("RA103", path, line, $"term '{source}' must be a mapping of its translations (one per language key: {string.Join(", ", languages.Translations.Select(l => l.Key))})"));
                continue;
            }

            entry.RejectUnknownKeys(keys, diagnostics, "term");
            var targets = languages.Translations.Select(l => (l.Key, Value: entry.String(l.Key, diagnostics))).Where(t => t.Value is not null)
                .ToImmutableDictionary(t => t.Key, t => t.Value!);
            var forbidden = entry.Child("forbidden", diagnostics) is { } f
                ? languages.Translations.Select(l => (l.Key, Values: f.List(l.Key, diagnostics))).Where(x => x.Values.Length > 0)
                    .ToImmutableDictionary(x => x.Key, x => x.Values.Select(v => v.Value).ToImmutableArray())
                : ImmutableDictionary<string, ImmutableArray<string>>.Empty;
            terms.Add(new Term(source.Trim(), targets, entry.String("note", diagnostics), forbidden, line));
        }

        return diagnostics.Count > count ? null : new Termbase([.. terms.OrderByDescending(t => t.Source.Length).ThenBy(t => t.Source, StringComparer.Ordinal)]);
    }

    /// <summary>The terms whose source stands in <paramref name="text"/>, each once, a term inside a longer one found there left out.</summary>
    public IEnumerable<Term> In(string text)
    {
        if (Terms.IsEmpty)
        {
            yield break;
        }

        var covered = new bool[text.Length];
        foreach (var term in Terms)
        {
            var found = false;
            for (var at = text.IndexOf(term.Source, StringComparison.Ordinal); at >= 0; at = text.IndexOf(term.Source, at + 1, StringComparison.Ordinal))
            {
                if (!covered[at])
                {
                    found = true;
                    Array.Fill(covered, true, at, term.Source.Length);
                }
            }

            if (found)
            {
                yield return term;
            }
        }
    }
}
