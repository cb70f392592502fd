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
        desk.AddSlots();
        desk.Save();
        stdout.WriteLine($"{(existed ? "Updated" : "Wrote")} {Content.ReportLoader.Display(desk.File)}: {desk.Summary()}");
        stdout.WriteLine($"Fill each slot under its <!-- {desk.Languages.Original.Key}: … --> comment (the comments are never published), then run 'stamp {desk.Command}' for the parts that are done.");
        return ExitCodes.Success;
    }

    public static int Stamp(string input, string report, string? lang, IReadOnlyCollection<string> sections, TextWriter stdout, TextWriter stderr)
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

        var (stamped, skipped) = desk.Stamp(sections.Count > 0 ? sections : null);
        if (sections.Count > 0 && skipped.Count > 0)
        {
            foreach (var (key, why) in skipped)
            {
                DiagnosticPrinter.Print([Diagnostic.Error("RA180", Content.ReportLoader.Display(desk.File), 1, $"'{key}' cannot be stamped: {why}")], stderr);
            }

            stderr.WriteLine("nothing was written");
            return ExitCodes.ContentErrors;
        }

        desk.Save();
        stdout.WriteLine($"Stamped {(stamped.Count == 0 ? "nothing" : string.Join(", ", stamped))} in {Content.ReportLoader.Display(desk.File)}" +
            (skipped.Count == 0 ? "" : $"; not stamped: {string.Join("; ", skipped.Select(s => $"{s.Key} ({s.Why})"))}"));
        return ExitCodes.Success;
    }
}
