using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Sources;

namespace ReportArchive.Translations;

/// <summary>What the desk's commands (and import and new) look up in an archive before they open a report: its languages, and a
/// report by its folder or slug.</summary>
public static class ArchiveFiles
{
    /// <summary>The archive's languages from its <c>site.yml</c>; prints why and returns null when it cannot be read.</summary>
    public static LanguageSet? SiteLanguages(string input, TextWriter stderr)
    {
        var diagnostics = new List<Diagnostic>();
        var config = SiteConfig.Load(Path.Combine(input, "site.yml"), null, diagnostics);
        if (config is null)
        {
            DiagnosticPrinter.Print([.. diagnostics.Where(d => d.Severity == Severity.Error)], stderr);
            stderr.WriteLine("fix these errors first: nothing was written");
        }

        return config?.Languages;
    }

    /// <summary>A report folder (with its original) or the slug of one under <c>reports/</c>.</summary>
    /// <summary>The translation language <paramref name="lang"/> names (the archive's first when null); prints why and returns
    /// null when it names none.</summary>
    public static Language? Target(LanguageSet languages, string? lang, TextWriter stderr)
    {
        var target = lang is null ? languages.Translations.FirstOrDefault() : languages.Find(lang);
        if (target is null || target.IsOriginal)
        {
            stderr.WriteLine(lang is null
                ? "the archive has no translation language: list one in site.yml's 'languages'"
                : $"--lang '{lang}' is not a translation language of the archive: use one of {string.Join(", ", languages.Translations.Select(l => l.Key))}");
            return null;
        }

        return target;
    }

    public static string? Find(string input, string report, LanguageSet languages)
    {
        var originalFile = languages.Original.FileName;
        if (System.IO.File.Exists(Path.Combine(report, originalFile)))
        {
            return report;
        }

        return ReportLoader.FindBundles(input, languages).FirstOrDefault(b => Path.GetFileName(b) == report
            || SlugOf(Path.Combine(b, originalFile)) == report);
    }

    /// <summary>A bundle's slug from its front matter alone: looking a report up by slug reads no report's body.</summary>
    private static string? SlugOf(string original)
    {
        if (!System.IO.File.Exists(original))
        {
            return null;
        }

        var lines = System.IO.File.ReadLines(original).Select(l => l.TrimEnd('\r')).TakeWhile((l, i) => i == 0 ? l.TrimStart('\uFEFF') == "---" : l is not ("---" or "...")).ToList();
        return lines.Count > 1 ? FrontMatterLines.Value(lines[1..], "slug") : null;
    }
}
