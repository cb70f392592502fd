namespace ReportArchive.Build;

/// <summary>How serious a diagnostic is: errors stop the build before anything is written.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>A problem found in the content, with the place it was found, formatted like a compiler's message.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, int Column, string Message)
{
    public static Diagnostic Error(string code, string file, int line, string message, int column = 1) =>
        new(Severity.Error, code, file, line, column, message);

    public static Diagnostic Warning(string code, string file, int line, string message, int column = 1) =>
        new(Severity.Warning, code, file, line, column, message);

    public override string ToString() =>
        $"{File}({Line},{Column}): {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
