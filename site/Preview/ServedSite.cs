using ReportArchive.Output;
using ReportArchive.Search;

namespace ReportArchive.Preview;

/// <summary>One good build as the preview serves it: its files by site path, and its search index, built when a page first
/// asks for it. Replaced whole after each good build, so a request sees one build or the next, never a mix.</summary>
public sealed class ServedSite(IReadOnlyList<OutputFile> files, SearchSource? search)
{
    public static readonly ServedSite Empty = new([], null);

    private readonly Dictionary<string, OutputFile> _files = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, OutputFile>> _search = new(() => search?.Build().ToDictionary(f => f.Path, StringComparer.Ordinal) ?? []);

    /// <summary>The file at a site path (<c>en/</c> is <c>en/index.html</c>), and the path it was found under.</summary>
    public (OutputFile? File, string Key) Find(string relative)
    {
        var files = relative.StartsWith(Routing.Routes.SearchIndex, StringComparison.Ordinal) ? _search.Value : _files;
        var key = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        return (files.GetValueOrDefault(Uri.UnescapeDataString(key)), key);
    }

    /// <summary>Whether a path without its final '/' names a folder with a page.</summary>
    public bool IsFolder(string key) => _files.ContainsKey(key + "/index.html");

    public OutputFile? NotFoundPage => _files.GetValueOrDefault("404.html");
}
