namespace ReportArchive.Build;

/// <summary>How every command prints its diagnostics.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Prints diagnostics like a compiler; in GitHub Actions also as workflow annotations on the file and line.</summary>
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer) =>
        Print(diagnostics, writer, Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true");

    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool actions)
    {
        foreach (var d in diagnostics)
        {
            writer.WriteLine(d.ToString());
            if (actions)
            {
                var kind = d.Severity == Severity.Error ? "error" : "warning";
                writer.WriteLine($"::{kind} file={d.File},line={d.Line},col={d.Column},title={d.Code}::{d.Message.Replace("\n", "%0A")}");
            }
        }
    }
}
