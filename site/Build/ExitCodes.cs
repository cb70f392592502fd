namespace ReportArchive.Build;

/// <summary>What the program's exit code means.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;

    /// <summary>The environment (a full disk, a folder that cannot be written) or a bug in the program.</summary>
    public const int Failure = 3;

    /// <summary>Interrupted (Ctrl+C) before it finished, as shells count a process stopped by SIGINT.</summary>
    public const int Interrupted = 130;
}
