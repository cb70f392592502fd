using ReportArchive.Assets;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;

namespace ReportArchive.Rendering;

/// <summary>The rendering stage: every page of the site in every language, and what the sitemap needs to know of each.</summary>
public sealed record RenderedPages(IReadOnlyList<PageRecord> Pages, IReadOnlyList<OutputFile> Files) : IPublishes
{
    /// <summary>How many reports' pages, and how many pages in all, were taken as the spare holds them instead of being rendered.</summary>
    public (int Reports, int Pages) Kept { get; init; }

    public static readonly RenderedPages None = new([], []);

    /// <summary>Renders every page on every core, in a fixed order: each page is independent of every other.</summary>
    public static RenderedPages Render(SiteInputs site, Theme theme, Archive archive, PhotoSet photos, AssetSet assets, BuildMemo? memo, OutputSink sink)
    {
        var context = new RenderContext(site, theme, archive.LatestFirst, photos.Photos, assets.Paths, memo, sink);
        var articles = new ArticlePages(context);
        var search = new SearchPages(context);
        Func<IEnumerable<RenderedPage>>[] pages =
        [
            new ChooserPages(context).Render,
            .. site.Languages.Keys.SelectMany(new ListPages(context).Pages),
            .. site.Languages.Keys.Select<string, Func<IEnumerable<RenderedPage>>>(lang => () => search.Render(lang)),
            .. context.LatestFirst.Select<Report, Func<IEnumerable<RenderedPage>>>(report => () => articles.Render(report)),
        ];
        var rendered = pages.AsParallel().AsOrdered().SelectMany(page => page()).ToList();
        return new RenderedPages([.. rendered.Select(p => p.Record).OfType<PageRecord>()], [.. rendered.Select(p => p.File)]) { Kept = context.KeptCounts };
    }
}

/// <summary>A page's file, and its record for the sitemap (none for a page that is not listed, such as 404.html).</summary>
public sealed record RenderedPage(OutputFile File, PageRecord? Record);
