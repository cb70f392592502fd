using System.Text.Json;
using ReportArchive.Build;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>Translation coverage of the whole archive: a table of reports with their parts current, new, stale, partial and missing and
/// their untranslated slots, or the same as JSON for tools (<c>--json</c>).</summary>
public static class StatusCommand
{
    public static int Run(string input, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (ArchiveFiles.SiteLanguages(input, stderr) is not { } languages)
        {
            return ExitCodes.ContentErrors;
        }

        var diagnostics = new List<Diagnostic>();
        var reports = ReportLoader.FindBundles(input, languages).Select(b => ReportLoader.Load(b, languages, diagnostics)).OfType<Report>().ToList();
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            DiagnosticPrinter.Print(diagnostics.Where(d => d.Severity == Severity.Error), stderr);
            return ExitCodes.ContentErrors;
        }

        // One row per report and translation language.
        var rows = Report.LatestFirst(reports).SelectMany(r => languages.Translations.Select(l => new StatusRow(r, l.Key, TranslationCoverage.Of(r.Original, r.FileIn(l.Key))))).ToList();
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(rows.Select(Json).ToList(), StatusJsonContext.Terminal.ListStatusJson));
            return ExitCodes.Success;
        }

        var table = rows.Select(r => new[]
        {
            $"{r.Report.Year:D4}/{r.Report.Slug}",
            r.Lang,
            r.State,
            $"{r.Sections(PartState.Current)} / {r.Sections(PartState.New)} / {r.Sections(PartState.Stale)} / {r.Sections(PartState.Partial)} / {r.Sections(PartState.Missing)}",
            r.Head.ToString().ToLowerInvariant(),
            $"{r.Coverage.UntranslatedSlots} of {r.Coverage.Slots}",
        }).Prepend(["report", "language", "translation", "sections current / new / stale / partial / missing", "head", "untranslated slots"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(c => table.Max(row => row[c].Length)).ToArray();
        foreach (var row in table)
        {
            stdout.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        var complete = rows.Count(r => r.Complete);
        stdout.WriteLine($"{complete} of {rows.Count} translations fully translated and current ({reports.Count} reports, {languages.Translations.Length} translation language{(languages.Translations.Length == 1 ? "" : "s")})");
        foreach (var row in rows.Where(r => !r.Complete && r.File is not null))
        {
            var work = row.Coverage.Parts.Where(p => p.State != PartState.Current).Select(p => $"{p.Key} {p.State.ToString().ToLowerInvariant()}");
            stdout.WriteLine($"  {row.Report.Slug} ({row.Lang}): {string.Join(", ", work)}");
        }

        return ExitCodes.Success;
    }

    private static StatusJson Json(StatusRow row) => new(
        $"{row.Report.Year:D4}/{row.Report.Slug}", row.Report.Slug, row.Report.Original.Title, row.Lang, row.State, row.Complete,
        row.Coverage.Slots, row.Coverage.UntranslatedSlots,
        new StatusSections(row.Sections(PartState.Current), row.Sections(PartState.New), row.Sections(PartState.Stale), row.Sections(PartState.Partial), row.Sections(PartState.Missing)),
        [.. row.Coverage.Parts.Select(p => new StatusPart(p.Key, p.State.ToString().ToLowerInvariant(), p.Slots, p.UntranslatedSlots))]);

    /// <summary>One report's line of the table.</summary>
    private sealed record StatusRow(Report Report, string Lang, TranslationCoverage Coverage)
    {
        public Translation? File => Report.FileIn(Lang);

        /// <summary>none, draft (its title not translated yet) or published.</summary>
        public string State => File is null ? "none" : Report.In(Lang) is null ? "draft" : "published";

        public PartState Head => Coverage.Parts[0].State;

        public bool Complete => File is not null && Coverage.Parts.All(p => p.State == PartState.Current);

        public int Sections(PartState state) => Coverage.Parts.Skip(1).Count(p => p.State == state);
    }
}

/// <summary>A row of <c>status --json</c>: a report's translation into one language (keys in snake_case).</summary>
internal sealed record StatusJson(string Report, string Slug, string Title, string Language, string Translation, bool Complete, int Slots,
    int UntranslatedSlots, StatusSections Sections, IReadOnlyList<StatusPart> Parts);

/// <summary>How many of a translation's sections are current, new (translated, never stamped), stale, partial and missing.</summary>
internal sealed record StatusSections(int Current, int New, int Stale, int Partial, int Missing);

/// <summary>One part (the header or a section) of a translation: its state and its slots.</summary>
internal sealed record StatusPart(string Key, string State, int Slots, int UntranslatedSlots);
