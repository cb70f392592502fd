using ReportArchive.Cli;
using ReportArchive.Content;
using ReportArchive.Pipeline;

namespace ReportArchive.Translations;

/// <summary>Translation coverage: for each report, whether it has English, and which sections are missing or stale.</summary>
public static class StatusCommand
{
    public static int Run(string input, TextWriter stdout, TextWriter stderr)
    {
        var diagnostics = new List<Diagnostic>();
        var reports = ReportLoader.FindBundles(input).Select(b => ReportLoader.Load(b, diagnostics)).OfType<Report>().ToList();
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            Commands.Print(diagnostics.Where(d => d.Severity == Severity.Error), stderr);
            return ExitCodes.ContentErrors;
        }

        var coverage = Coverage(reports).ToList();
        foreach (var line in coverage.SelectMany(c => c.Lines))
        {
            stdout.WriteLine(line);
        }

        var complete = coverage.Count(c => c.Complete);
        stdout.WriteLine($"{complete} of {reports.Count} reports fully translated and current");
        return ExitCodes.Success;
    }

    /// <summary>One line per report, then one indented line per part that needs work.</summary>
    public static IEnumerable<ReportCoverage> Coverage(IEnumerable<Report> reports)
    {
        foreach (var report in Report.LatestFirst(reports))
        {
            var name = $"{report.Year:D4}/{report.Slug}  {report.Zh.Title}";
            if (report.En is not { } en)
            {
                yield return new ReportCoverage(false, [$"{name}: no English translation ({report.Zh.Sections.Length} sections to translate)"]);
                continue;
            }

            var recorded = en.Front.TranslationOf.ToDictionary(t => t.Key, t => t.Value);
            var problems = new List<string>();
            foreach (var (key, hash) in TranslationHashes.Of(report.Zh))
            {
                var translated = key == TranslationHashes.HeadKey || en.Section(key) is not null;
                if (!translated)
                {
                    problems.Add($"  {key}: no English");
                }
                else if (!recorded.TryGetValue(key, out var old) || old != hash)
                {
                    problems.Add($"  {key}: stale (the original changed; translated {(old ?? "unknown")}, now {hash})");
                }
            }

            var head = problems.Count == 0 ? $"{name}: translated, current" : $"{name}: {problems.Count} parts need work";
            yield return new ReportCoverage(problems.Count == 0, [head, .. problems]);
        }
    }
}

/// <summary>A report's translation coverage as printed: complete or not, and the lines that say why.</summary>
public sealed record ReportCoverage(bool Complete, IReadOnlyList<string> Lines);
