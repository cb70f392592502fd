namespace ReportArchive.Sources;

/// <summary>How far a file's or a folder's time is trusted to tell its next change.</summary>
public static class FileTimes
{
    /// <summary>How long after its last change a file's (or folder's) time is trusted to show a later change: file systems keep
    /// times in coarse steps, behind the clock, and two writes within one step look alike. Whatever changed more recently than this
    /// before it was looked at is looked at again by the next build.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
}
