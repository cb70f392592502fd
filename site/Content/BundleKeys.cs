using ReportArchive.Build;
using ReportArchive.Reuse;

namespace ReportArchive.Content;

/// <summary>A bundle as read and checked: its report (none when it could not be read) and what was found wrong with it.</summary>
public sealed record LoadedBundle(Report? Report, List<Diagnostic> Diagnostics);

/// <summary>The bundles found under an input folder for these languages (kept in the preview while no bundle comes or goes).</summary>
public sealed record BundleListKey(string Input, string Languages) : IReuseKey<string[]>
{
    public string? Digest => null;
}

/// <summary>A bundle read from its files in this state (<see cref="ReportLoader.Version"/>) and checked under these site inputs.</summary>
public sealed record BundleKey(string Bundle, string Version, string Site) : IReuseKey<LoadedBundle>
{
    public string? Digest => null;
}

/// <summary>A bundle as the last build took it, while the watcher reports no change in it, under these site inputs.</summary>
public sealed record UntouchedBundleKey(string Bundle, string Site) : IReuseKey<LoadedBundle>
{
    public string? Digest => null;
}
