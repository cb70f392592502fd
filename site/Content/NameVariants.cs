using System.Text.RegularExpressions;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Content;

/// <summary>Names of bodies written two ways across the archive's translations (RA195, in <c>check</c>): the same words in
/// another case (<c>Party Committee Office</c>, <c>Party committee office</c>), or with a word more inside
/// (<c>Administrative Approval Bureau</c>, <c>Administrative Approval Service Bureau</c>). A name is a run of capitalised words
/// ending in a word that names a body (Bureau, Office, Committee, Court…). What the termbase gives as a translation is taken as
/// right: a pair of names both in it is not reported.</summary>
public static partial class NameVariants
{
    private static readonly HashSet<string> Bodies = new(StringComparer.OrdinalIgnoreCase)
    {
        "office", "bureau", "committee", "commission", "department", "court", "procuratorate", "administration", "centre", "center",
        "agency", "association", "federation", "company", "corporation", "school", "university", "hospital", "bank", "ministry",
        "council", "congress", "station", "institute", "league", "union", "brigade", "academy", "authority", "board",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "for", "the", "on" };

    /// <summary>Where a name was first seen.</summary>
    private sealed record Seen(string Spelling, string File, int Line);

    /// <summary>Adds a warning for each name written another way than elsewhere; returns how many.</summary>
    public static int Check(IReadOnlyList<Report> reports, LanguageSet languages, Termbase terms, ICollection<Diagnostic> diagnostics)
    {
        var count = diagnostics.Count;
        foreach (var language in languages.Translations.Where(l => l.ReadingUnit == ReadingUnit.Words))
        {
            var windows = new Dictionary<string, List<Seen>>(StringComparer.Ordinal); // three words ending in a body's, by their lower case
            var names = new Dictionary<string, List<Seen>>(StringComparer.OrdinalIgnoreCase); // capitalised names, by their last word
            foreach (var (text, file, line) in Report.LatestFirst(reports).AsEnumerable().Reverse().Select(r => r.FileIn(language.Key)).OfType<Translation>().SelectMany(Texts))
            {
                Collect(text, file, line, windows, names);
            }

            var known = terms.Terms.Select(t => t.Targets.GetValueOrDefault(language.Key)).OfType<string>().ToList();
            CaseVariants(windows, known, diagnostics);
            InsertedWords(names, known, diagnostics);
        }

        return diagnostics.Count - count;
    }

    /// <summary>The running text of a translation, paragraphs and captions: headings and titles capitalise every word.</summary>
    private static IEnumerable<(string Text, string File, int Line)> Texts(Translation translation)
    {
        foreach (var block in translation.Lead.Concat(translation.Sections.SelectMany(s => s.Blocks)))
        {
            switch (block)
            {
                case Paragraph p:
                    yield return (p.Text, translation.File, p.Line);
                    break;
                case Figure f:
                    yield return (f.Caption, translation.File, f.Line);
                    break;
            }
        }
    }

    private static void Collect(string text, string file, int line, Dictionary<string, List<Seen>> windows, Dictionary<string, List<Seen>> names)
    {
        var words = Word().Matches(text).ToList();
        for (var i = 1; i < words.Count; i++)
        {
            // A body's word ends a name unless another follows it (Party Committee Office ends at Office).
            if (!Bodies.Contains(words[i].Value) || !Adjacent(text, words[i - 1], words[i])
                || (i + 1 < words.Count && Adjacent(text, words[i], words[i + 1]) && Bodies.Contains(words[i + 1].Value)))
            {
                continue;
            }

            // Three words ending here, none of them a connector: the same name, whatever its case (a name, not a common noun).
            if (i >= 2 && Adjacent(text, words[i - 2], words[i - 1]) && !words.Skip(i - 2).Take(3).Any(w => Connectors.Contains(w.Value.ToLowerInvariant())))
            {
                var window = string.Join(' ', words.Skip(i - 2).Take(3).Select(w => w.Value));
                Add(windows, window.ToLowerInvariant(), new Seen(window, file, line));
            }

            // The run of capitalised words (with connectors inside) that ends here.
            var start = i;
            while (start > 0 && Adjacent(text, words[start - 1], words[start]) && (char.IsUpper(words[start - 1].Value[0]) || Connectors.Contains(words[start - 1].Value)))
            {
                start--;
            }

            while (start < i && Connectors.Contains(words[start].Value))
            {
                start++;
            }

            if (char.IsUpper(words[i].Value[0]) && start < i)
            {
                Add(names, words[i].Value, new Seen(string.Join(' ', words.Skip(start).Take(i - start + 1).Select(w => w.Value)), file, line));
            }
        }
    }

    /// <summary>The same three words ending in a body's word, that word capitalised in one place and not in another.</summary>
    private static void CaseVariants(Dictionary<string, List<Seen>> windows, List<string> known, ICollection<Diagnostic> diagnostics)
    {
        foreach (var seen in windows.Values)
        {
            var spellings = seen.GroupBy(s => s.Spelling.Split(' ')[^1], StringComparer.Ordinal).ToList();
            // Each spelling in a translation the termbase gives (the Yanzhou District Party Committee, the district Party committee)
            // is meant as written.
            if (spellings.Count < 2 || !spellings.Any(g => char.IsUpper(g.Key[0]))
                || spellings.All(g => known.Any(k => k.Contains(g.First().Spelling, StringComparison.Ordinal))))
            {
                continue;
            }

            // The spelling most used (the termbase's when it has one) is taken as meant; each other one is reported where first seen.
            var meant = spellings.OrderByDescending(g => known.Any(k => k.Contains(g.First().Spelling, StringComparison.Ordinal))).ThenByDescending(g => g.Count()).First();
            foreach (var other in spellings.Where(g => g != meant).Select(g => g.First()))
            {
                var first = meant.First();
                diagnostics.Add(Diagnostic.Warning("RA195", other.File, other.Line,
                    $"'{other.Spelling}' is written '{first.Spelling}' elsewhere ({first.File}, line {first.Line}): write the name one way (and add it to {Termbase.FileName})"));
            }
        }
    }

    /// <summary>Two names ending in the same body's word, one the other with a word more inside it.</summary>
    private static void InsertedWords(Dictionary<string, List<Seen>> names, List<string> known, ICollection<Diagnostic> diagnostics)
    {
        foreach (var seen in names.Values)
        {
            var distinct = seen.GroupBy(s => s.Spelling, StringComparer.Ordinal).Select(g => g.First()).ToList();
            foreach (var shorter in distinct)
            {
                foreach (var longer in distinct.Where(l => Inserted(shorter.Spelling.Split(' '), l.Spelling.Split(' '))))
                {
                    if (known.Any(k => k.Contains(shorter.Spelling, StringComparison.Ordinal)) && known.Any(k => k.Contains(longer.Spelling, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    diagnostics.Add(Diagnostic.Warning("RA195", shorter.File, shorter.Line,
                        $"'{shorter.Spelling}' here and '{longer.Spelling}' ({longer.File}, line {longer.Line}) look like one name written two ways: write it one way (and add it to {Termbase.FileName})"));
                }
            }
        }
    }

    /// <summary>Whether the end of <paramref name="longer"/> is <paramref name="shorter"/> with one word put inside it.</summary>
    private static bool Inserted(string[] shorter, string[] longer)
    {
        if (shorter.Length < 2 || longer.Length < shorter.Length + 1)
        {
            return false;
        }

        var window = longer[^(shorter.Length + 1)..];
        for (var k = 1; k < shorter.Length; k++)
        {
            if (window.Take(k).SequenceEqual(shorter.Take(k)) && window.Skip(k + 1).SequenceEqual(shorter.Skip(k)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(Dictionary<string, List<Seen>> map, string key, Seen seen)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(seen);
    }

    private static bool Adjacent(string text, Match before, Match after) =>
        text.AsSpan(before.Index + before.Length, after.Index - before.Index - before.Length).IsWhiteSpace();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'’-]*")]
    private static partial Regex Word();
}
