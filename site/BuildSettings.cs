namespace ReportArchive;

/// <summary>Where a build reads and writes, and what it does: <c>Check</c> validates everything and writes nothing.
/// Encoded photos are kept in <c>Cache</c> between builds.
/// With <c>InMemory</c> (the preview), the files are returned and not written.
/// A <c>Memo</c> (the preview's store) lets a build reuse what an earlier one read and rendered from unchanged files.
/// With <c>DeferSearch</c> (the preview), the search index is not built: the result says what it would be built from, so that
/// it can be built when a page first asks for it, and a save is not slowed by indexing the whole archive.</summary>
public sealed record BuildSettings(string Input, string Theme, string Output, string? BaseUrl, bool Check = false, string Cache = ".cache", bool InMemory = false,
    Reuse.ReuseStore? Memo = null, bool DeferSearch = false)
{
    /// <summary>The most a published site may weigh: GitHub Pages' 1 GB (a warning from 80 % of it, an error above).</summary>
    public long SizeLimit { get; init; } = ReportArchive.Output.SiteSize.PagesLimit;
}
