using ReportArchive.Assets;
using ReportArchive.Photos;
using ReportArchive.Publish;
using ReportArchive.Rendering;
using ReportArchive.Search;

using ReportArchive.Output;

namespace ReportArchive;

/// <summary>The whole site as the stages made it: one parameter per stage that publishes files, so that a stage cannot be left out
/// of what is written.</summary>
public sealed record SiteFiles(AssetSet Assets, PhotoSet Photos, RenderedPages Pages, SearchFiles Search, PublishedFiles Published)
{
    public IReadOnlyList<OutputFile> Files { get; } =
        [.. new IPublishes[] { Assets, Photos, Pages, Search, Published }.SelectMany(stage => stage.Files)];
}
