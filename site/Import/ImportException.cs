namespace ReportArchive.Import;

/// <summary>Raw text that cannot be imported, with the line where the problem is and its code (RA3nn).</summary>
public sealed class ImportException(string message, int line = 1, string code = "RA300") : Exception(message)
{
    public int Line { get; } = line;

    public string Code { get; } = code;
}
