using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Search;

/// <summary>The search stage: the index's files, or, when the index is deferred (the preview), what it is to be built from.</summary>
public sealed record SearchFiles(IReadOnlyList<OutputFile> Files, SearchSource? Deferred) : IPublishes
{
    public static readonly SearchFiles None = new([], null);

    public static SearchFiles Index(Archive archive, Routes routes, bool defer, OutputSink sink)
    {
        var source = new SearchSource(archive.LatestFirst, routes);
        return defer ? new SearchFiles([], source) : new SearchFiles(source.Build(sink), null);
    }
}

/// <summary>The archive a search index is built from: its reports, latest first, and the base path its links carry.</summary>
public sealed record SearchSource(IReadOnlyList<Report> LatestFirst, Routes Routes)
{
    public List<OutputFile> Build(OutputSink? sink = null) => SearchIndex.Build(LatestFirst, Routes, sink: sink);
}
