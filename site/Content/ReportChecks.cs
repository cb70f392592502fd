using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Content;

/// <summary>The checks that need a whole report (its original beside each translation) or the whole archive.</summary>
public static class ReportChecks
{
    public static void Check(Report report, SiteInputs site, ICollection<Diagnostic> diagnostics)
    {
        CheckTaxonomy(report.Original, site.Taxonomy, diagnostics);
        foreach (var translation in report.Files)
        {
            CheckFigures(report, translation, diagnostics);
        }

        foreach (var translation in report.Files.Skip(1))
        {
            var desk = site.Languages.Translations[0].Key == translation.Lang ? report.Slug : $"{report.Slug} --lang {translation.Lang}";
            CheckAlignment(report.Original, translation, diagnostics);
            CheckFreshness(report, translation, desk, diagnostics);
            CountUntranslated(report, translation, site.Languages[translation.Lang], desk, diagnostics);
            TranslationQa.Check(report.Original, translation, site.Languages[translation.Lang], site.Terms, diagnostics);
            DraftParts.Check(report, translation, site.Config.LabelDrafts, desk, diagnostics);
        }
    }

    /// <summary>Slots not translated yet are never published; the count says how much of the translation is still to do.</summary>
    private static void CountUntranslated(Report report, Translation en, Language language, string desk, ICollection<Diagnostic> diagnostics)
    {
        var coverage = TranslationCoverage.Of(report.Original, en);
        if (coverage.UntranslatedSlots == 0)
        {
            return;
        }

        var unpublished = en.Title.Length == 0 ? $"; until its title is translated the {language.Name} page is not published" : "";
        diagnostics.Add(Diagnostic.Warning("RA165", en.File, coverage.FirstUntranslatedLine,
            $"{coverage.UntranslatedSlots} of {coverage.Slots} translation slots are not translated yet and are not published{unpublished} " +
            $"(fill them, or run 'xliff export {desk}' for a translation tool)"));
    }

    /// <summary>Two reports may not share a slug: their URLs, feeds and search records would collide.</summary>
    public static void CheckSlugs(IReadOnlyList<Report> reports, ICollection<Diagnostic> diagnostics)
    {
        foreach (var group in reports.GroupBy(r => r.Slug).Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            foreach (var report in all)
            {
                var others = string.Join(", ", all.Where(o => o != report).Select(o => o.Original.File));
                diagnostics.Add(Diagnostic.Error("RA132", report.Original.File, report.Original.Front.LineOf("slug"),
                    $"slug '{report.Slug}' is also used by {others}: give one of them another 'slug:'"));
            }
        }
    }

    private static void CheckTaxonomy(Translation zh, Taxonomy taxonomy, ICollection<Diagnostic> diagnostics)
    {
        void Each(IEnumerable<(string Value, int Line)> names, IReadOnlyDictionary<string, Localized> known, string what)
        {
            foreach (var (name, line) in names.Where(n => !known.ContainsKey(n.Value)))
            {
                diagnostics.Add(Diagnostic.Error("RA150", zh.File, line,
                    $"unknown {what} '{name}': add it to taxonomy.yml or use one of {string.Join(", ", known.Keys)}"));
            }
        }

        Each(zh.Front.Departments, taxonomy.Departments, "department");
        Each(zh.Front.Topics, taxonomy.Topics, "topic");
    }

    private static void CheckFigures(Report report, Translation translation, ICollection<Diagnostic> diagnostics)
    {
        foreach (var figure in translation.Figures)
        {
            if (PhotoPaths.Problem(figure.Source) is { } problem)
            {
                diagnostics.Add(Diagnostic.Error("RA141", translation.File, figure.Line, problem));
            }
            else if (!File.Exists(Path.Combine(report.Directory, figure.Source)))
            {
                diagnostics.Add(Diagnostic.Error("RA140", translation.File, figure.Line,
                    $"the photo '{figure.Source}' does not exist in {report.Directory}"));
            }

            if (string.IsNullOrWhiteSpace(figure.Caption))
            {
                diagnostics.Add(Diagnostic.Error("RA142", translation.File, figure.Line,
                    "this photo has no caption: write it between the brackets, as in ![caption](photos/x.jpg)"));
            }
        }
    }

    private static void CheckAlignment(Translation zh, Translation en, ICollection<Diagnostic> diagnostics)
    {
        var zhIds = zh.Sections.Select(s => s.Id).ToList();
        foreach (var section in en.Sections.Where(s => !zhIds.Contains(s.Id)))
        {
            diagnostics.Add(Diagnostic.Error("RA160", en.File, section.Line,
                $"section id '{section.Id}' is not in {Path.GetFileName(zh.File)}: the ids there are {string.Join(", ", zhIds)}"));
        }

        var shared = en.Sections.Where(s => zhIds.Contains(s.Id)).Select(s => s.Id).ToList();
        if (!shared.SequenceEqual(zhIds.Where(shared.Contains)))
        {
            diagnostics.Add(Diagnostic.Error("RA161", en.File, en.Sections[0].Line,
                $"the sections are in another order than in the original: {string.Join(", ", zhIds)}"));
        }

        // A section in the file whose slots are not filled yet is counted with the other slots (RA165).
        foreach (var missing in zh.Sections.Where(s => en.Sections.All(e => e.Id != s.Id)))
        {
            diagnostics.Add(Diagnostic.Warning("RA162", en.File, 1, $"section '{missing.Id}' ({missing.Heading}) is not translated yet"));
        }

        CompareCounts(en.File, en.Lead.FirstOrDefault()?.Line ?? 1, "the lead", zh.Lead, en.Lead, diagnostics);
        foreach (var section in en.Sections)
        {
            if (zh.Section(section.Id) is { } original)
            {
                CompareCounts(en.File, section.Line, $"section '{section.Id}'", original.Blocks, section.Blocks, diagnostics);
            }
        }

        foreach (var figure in en.Figures.Where(f => !zh.Figures.Any(z => z.Source == f.Source)))
        {
            diagnostics.Add(Diagnostic.Warning("RA164", en.File, figure.Line, $"the photo '{figure.Source}' is not in the original"));
        }
    }

    private static void CompareCounts(string file, int line, string what,
        IEnumerable<Block> original, IEnumerable<Block> translated, ICollection<Diagnostic> diagnostics)
    {
        var (zhCount, enCount) = (original.OfType<Paragraph>().Count(), translated.Count(b => b is Paragraph or Untranslated { IsFigure: false }));
        if (zhCount != enCount)
        {
            diagnostics.Add(Diagnostic.Warning("RA163", file, line,
                $"{what} has {enCount} paragraphs here and {zhCount} in the original: the parallel view will pair it as a whole"));
        }
    }

    private static void CheckFreshness(Report report, Translation en, string desk, ICollection<Diagnostic> diagnostics)
    {
        var zh = report.Original;
        var current = TranslationHashes.Of(zh);
        if (!en.Front.Lines.ContainsKey("translation_of"))
        {
            diagnostics.Add(Diagnostic.Error("RA170", en.File, 1,
                $"the translation does not say which version of the original it translates: once the translation matches the original, run 'stamp {desk}' to record it"));
            return;
        }

        var recorded = en.Front.TranslationOf.ToDictionary(t => t.Key);
        foreach (var (key, _, line) in en.Front.TranslationOf.Where(t => !current.Any(c => c.Key == t.Key)))
        {
            diagnostics.Add(Diagnostic.Error("RA171", en.File, line, $"translation_of names '{key}', which is not a part of the original"));
        }

        foreach (var (key, hash) in current)
        {
            var translated = key == TranslationHashes.HeadKey ? en.Title.Length > 0 : en.Section(key) is not null;
            if (!translated)
            {
                continue;
            }

            if (!recorded.TryGetValue(key, out var entry))
            {
                diagnostics.Add(Diagnostic.Warning("RA173", en.File, en.Front.LineOf("translation_of"),
                    $"new translation: '{key}' is translated but was never stamped; once the translation matches the original, run 'stamp {desk} --section {key}'"));
            }
            else if (entry.Value != hash)
            {
                diagnostics.Add(Diagnostic.Warning("RA172", en.File, entry.Line,
                    $"stale translation: '{key}' changed in {Path.GetFileName(zh.File)} since it was translated; 'translate {desk}' shows the changed original beside the translation; update it, then run 'stamp {desk} --section {key}'"));
            }
        }
    }
}
