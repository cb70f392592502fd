namespace ReportArchive.Reuse;

/// <summary>What names this build of the program: entries written by another build of it may describe what it reads differently.</summary>
public static class ProgramIdentity
{
    public static readonly string Value = Find();

    private static string Find()
    {
        try
        {
            return typeof(ProgramIdentity).Assembly.ManifestModule.ModuleVersionId.ToString("N");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException)
        {
            // The program's own file, then, as it is on disk.
            var program = new FileInfo(Environment.ProcessPath ?? "");
            return program.Exists ? $"{program.FullName}:{program.Length}:{program.LastWriteTimeUtc.Ticks}" : Guid.NewGuid().ToString("N");
        }
    }
}
