using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Search;

/// <summary>The search stage: the index's files, or, when the index is deferred (the preview), what it is to be built from.</summary>
public sealed record SearchFiles(IReadOnlyList<OutputFile> Files, SearchSource? Deferred) : IPublishes
{
    public static readonly SearchFiles None = new([], null);

    /// <summary>How the index was made (whole, or from the last build's), when the output folder's history was kept.</summary>
    public IndexHistory? History { get; init; }

    /// <summary>The index of the archive; made from the last build's index in the output folder when the sink's manifest keeps
    /// its history (<paramref name="context"/> names the site inputs it was made under).</summary>
    public static SearchFiles Index(Archive archive, Routes routes, bool defer, OutputSink sink, string context)
    {
        var source = new SearchSource(archive.LatestFirst, routes);
        if (defer)
        {
            return new SearchFiles([], source);
        }

        var history = IndexHistory.Of(sink, context, archive.Previous);
        return new SearchFiles(SearchIndex.Build(archive.LatestFirst, routes, sink: sink, history: history), null) { History = history };
    }
}

/// <summary>The archive a search index is built from: its reports, latest first, and the base path its links carry.</summary>
public sealed record SearchSource(IReadOnlyList<Report> LatestFirst, Routes Routes)
{
    public List<OutputFile> Build(OutputSink? sink = null) => SearchIndex.Build(LatestFirst, Routes, sink: sink);
}
