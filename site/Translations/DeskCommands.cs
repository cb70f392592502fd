using ReportArchive.Build;

namespace ReportArchive.Translations;

/// <summary>The translator's desk on the command line: <c>translate</c> writes or extends the translation's slots, <c>stamp</c>
/// records which version of the original the finished parts translate.</summary>
public static class DeskCommands
{
    public static int Translate(string input, string report, string? lang, TextWriter stdout, TextWriter stderr)
    {
        if (TranslationDesk.Open(input, report, lang, stderr) is not { } desk)
        {
            return ExitCodes.ContentErrors;
        }

        var existed = File.Exists(desk.File);
        if (ArchiveTerms(input, desk.Languages, stderr) is not { } terms)
        {
            return ExitCodes.ContentErrors;
        }

        desk.AddSlots();
        var filled = SlotHints.Refresh(desk, terms, TranslationMemory.Of(input, desk.Languages, desk.Target, desk.Report.Directory));
        desk.Save();
        stdout.WriteLine($"{(existed ? "Updated" : "Wrote")} {Content.ReportLoader.Display(desk.File)}: {desk.Summary()}" +
            (filled > 0 ? $"; {filled} slot{(filled == 1 ? "" : "s")} filled from the archive's memory (the same text translated before): review {(filled == 1 ? "it" : "them")}" : ""));
        stdout.WriteLine($"Fill each slot under its <!-- {desk.Languages.Original.Key}: … --> comment (the comments are never published), then run 'stamp {desk.Command}' for the parts that are done.");
        return ExitCodes.Success;
    }

    /// <summary>The archive's termbase; prints its errors and returns null when it cannot be read.</summary>
    public static Configuration.Termbase? ArchiveTerms(string input, Configuration.LanguageSet languages, TextWriter stderr)
    {
        var errors = new List<Diagnostic>();
        var terms = Configuration.Termbase.Load(input, Path.Combine(input, Configuration.Termbase.FileName), languages, errors);
        DiagnosticPrinter.Print(errors, stderr);
        return terms;
    }

    public static int Stamp(string input, string report, string? lang, IReadOnlyCollection<string> sections, IReadOnlyCollection<string> confirmed, TextWriter stdout, TextWriter stderr)
    {
        if (TranslationDesk.Open(input, report, lang, stderr) is not { } desk)
        {
            return ExitCodes.ContentErrors;
        }

        if (!File.Exists(desk.File))
        {
            stderr.WriteLine($"{Content.ReportLoader.Display(desk.File)} does not exist: run 'translate {desk.Command}' first");
            return ExitCodes.ContentErrors;
        }

        // --section names the parts to stamp; --confirm alone stamps every complete part as 'stamp' does, the named ones confirmed.
        var asked = (sections.Count > 0 ? sections : confirmed.Count > 0 ? desk.OriginalParts.Select(p => p.Key).Where(k => desk.Complete(k, out _)) : [])
            .Concat(confirmed).Distinct(StringComparer.Ordinal).ToList();
        var outcome = desk.Stamp(asked.Count > 0 ? asked : null, confirmed);
        var display = Content.ReportLoader.Display(desk.File);
        var errors = (asked.Count > 0 ? outcome.Skipped : []).Select(s => Diagnostic.Error("RA180", display, 1, $"'{s.Key}' cannot be stamped: {s.Why}"))
            .Concat(outcome.Refused.Select(r => Diagnostic.Error("RA181", display, desk.RecordedLine(r.Key),
                $"'{r.Key}' is stale and was not stamped: {r.Why}; 'translate {desk.Command}' shows what changed; update the translation and stamp it, or, if it still holds, confirm it with 'stamp {desk.Command} --confirm {r.Key}'")))
            .ToList();
        if (errors.Count > 0)
        {
            DiagnosticPrinter.Print(errors, stderr);
            stderr.WriteLine("nothing was written");
            return ExitCodes.ContentErrors;
        }

        desk.Save();
        var skipped = outcome.Skipped;
        stdout.WriteLine($"Stamped {(outcome.Stamped.Count == 0 ? "nothing" : string.Join(", ", outcome.Stamped))} in {display}" +
            (skipped.Count == 0 ? "" : $"; not stamped: {string.Join("; ", skipped.Select(s => $"{s.Key} ({s.Why})"))}"));
        return ExitCodes.Success;
    }
}
