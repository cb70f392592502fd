namespace ReportArchive.Import;

/// <summary>Raw text that cannot be imported, with the line where the problem is.</summary>
public sealed class ImportException(string message, int line = 1) : Exception(message)
{
    public int Line { get; } = line;
}
