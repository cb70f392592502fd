namespace ReportArchive;

/// <summary>Where a build reads and writes, and what it does: <c>Check</c> validates everything and writes nothing.</summary>
public sealed record BuildSettings(string Input, string Theme, string Output, string? BaseUrl, bool Check = false)
{
    public static BuildSettings Default => new("input", "theme", "output", null);
}
