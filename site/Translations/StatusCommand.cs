using System.Text.Json;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>Translation coverage of the whole archive: a table of reports with their parts current, new, stale, partial and missing and
/// their untranslated slots, or the same as JSON for tools (<c>--json</c>).</summary>
public static class StatusCommand
{
    public static int Run(string input, bool json, TextWriter stdout, TextWriter stderr, bool counts = false)
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
        var sizes = counts ? Sizes(input, languages, rows) : null;
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(rows.Select(r => Json(r) with { Counts = sizes?[r] }).ToList(), StatusJsonContext.Terminal.ListStatusJson));
            return ExitCodes.Success;
        }

        if (sizes is not null)
        {
            PrintCounts(languages, rows, sizes, stdout);
            return ExitCodes.Success;
        }

        var table = rows.Select(r => new[]
        {
            $"{r.Report.Year:D4}/{r.Report.Slug}",
            r.Lang,
            r.State,
            $"{r.Sections(PartState.Current)} / {r.Sections(PartState.New)} / {r.Sections(PartState.Stale)} / {r.Sections(PartState.Draft)} / {r.Sections(PartState.Partial)} / {r.Sections(PartState.Missing)}",
            r.Head.ToString().ToLowerInvariant(),
            $"{r.Coverage.UntranslatedSlots} of {r.Coverage.Slots}",
        }).Prepend(["report", "language", "translation", "sections current / new / stale / draft / partial / missing", "head", "untranslated slots"]).ToList();
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

    /// <summary>Each row's counts, against the memory of its language (a report's own text is not a match for it).</summary>
    private static Dictionary<StatusRow, List<PartCount>> Sizes(string input, LanguageSet languages, List<StatusRow> rows)
    {
        var reports = rows.Select(r => r.Report).Distinct().ToList();
        var memories = languages.Translations.ToDictionary(l => l.Key, l => TranslationMemory.Of(input, reports, languages, l));
        return rows.ToDictionary(r => r, r => WordCounts.Of(r.Report, languages.Original, languages[r.Lang], memories[r.Lang], input));
    }

    /// <summary>A line per part of each report and language: the original's size new / fuzzy / exact, and the translation's so far.</summary>
    private static void PrintCounts(LanguageSet languages, List<StatusRow> rows, Dictionary<StatusRow, List<PartCount>> sizes, TextWriter stdout)
    {
        string Unit(Language l) => l.ReadingUnit == ReadingUnit.Characters ? "characters" : "words";
        List<string[]> table = [["report", "language", "part", $"original {Unit(languages.Original)}: new", "fuzzy", "exact", "total", "translated"]];
        foreach (var row in rows)
        {
            table.AddRange(sizes[row].Select(c => new[] { $"{row.Report.Year:D4}/{row.Report.Slug}", row.Lang, c.Key, $"{c.New:N0}", $"{c.Fuzzy:N0}", $"{c.Exact:N0}", $"{c.Source:N0}", $"{c.Translated:N0} {Unit(languages[row.Lang])}" }));
        }

        var widths = Enumerable.Range(0, 8).Select(c => table.Max(row => row[c].Length)).ToArray();
        foreach (var line in table)
        {
            stdout.WriteLine(string.Join("  ", line.Select((cell, c) => c is >= 3 and <= 6 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }

        var all = sizes.Values.SelectMany(v => v).ToList();
        stdout.WriteLine($"In all: {all.Sum(c => c.New):N0} new, {all.Sum(c => c.Fuzzy):N0} fuzzy and {all.Sum(c => c.Exact):N0} exact of {all.Sum(c => c.Source):N0} {Unit(languages.Original)} " +
            $"(fuzzy: {TranslationMemory.Threshold:0} % to 99 % like a text the archive has translated; exact: the same text)");
    }

    private static StatusJson Json(StatusRow row) => new(
        $"{row.Report.Year:D4}/{row.Report.Slug}", row.Report.Slug, row.Report.Original.Title, row.Lang, row.State, row.Complete,
        row.Coverage.Slots, row.Coverage.UntranslatedSlots,
        new StatusSections(row.Sections(PartState.Current), row.Sections(PartState.New), row.Sections(PartState.Stale), row.Sections(PartState.Draft), row.Sections(PartState.Partial), row.Sections(PartState.Missing)),
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
    int UntranslatedSlots, StatusSections Sections, IReadOnlyList<StatusPart> Parts)
{
    /// <summary>With <c>--counts</c>: each part's size (the original's new, fuzzy and exact, the translation's so far).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PartCount>? Counts { get; init; }
}

/// <summary>How many of a translation's sections are current, new (translated, never stamped), stale, drafts, partial and missing.</summary>
internal sealed record StatusSections(int Current, int New, int Stale, int Draft, int Partial, int Missing);

/// <summary>One part (the header or a section) of a translation: its state and its slots.</summary>
internal sealed record StatusPart(string Key, string State, int Slots, int UntranslatedSlots);
