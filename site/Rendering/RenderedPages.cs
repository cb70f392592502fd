using ReportArchive.Assets;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;
using ReportArchive.Reuse;

namespace ReportArchive.Rendering;

/// <summary>The rendering stage: every page of the site in every language, and what the sitemap needs to know of each.</summary>
public sealed record RenderedPages(IReadOnlyList<PageRecord> Pages, IReadOnlyList<OutputFile> Files) : IPublishes
{
    /// <summary>How many reports' pages, and how many pages in all, were taken as the spare holds them instead of being rendered.</summary>
    public (int Reports, int Pages) Kept { get; init; }

    public static readonly RenderedPages None = new([], []);

    /// <summary>Renders every page on every core, in a fixed order: each page is independent of every other.</summary>
    public static RenderedPages Render(SiteInputs site, Theme theme, Archive archive, PhotoSet photos, AssetSet assets, ReuseStore? memo, OutputSink sink)
    {
        var context = new RenderContext(site, theme, assets.Paths, memo, sink);
        var articles = new ArticlePages(context);
        var search = new SearchPages(context);
        var lists = new ListPages(context);
        var reports = archive.LatestFirst;
        List<string> years = [.. reports.Select(r => r.Year.ToString("D4")).Distinct()];
        var photoFiles = photos.Photos.ToDictionary(p => (p.ReportDirectory, p.Source));
        var thumbs = Thumbs(reports, photoFiles, context.Routes);
        var links = ReportLinks.Of(reports);
        Func<IEnumerable<RenderedPage>>[] pages =
        [
            new ChooserPages(context).Render,
            .. site.Languages.Keys.SelectMany(lang => lists.Pages(lang, reports, thumbs)),
            .. site.Languages.Keys.Select<string, Func<IEnumerable<RenderedPage>>>(lang => () => search.Render(lang, years)),
            .. reports.Select<Report, Func<IEnumerable<RenderedPage>>>((report, i) => () => articles.Render(articles.Key(report, PhotosOf(report, photoFiles), links[i]))),
        ];
        var rendered = pages.AsParallel().AsOrdered().SelectMany(page => page()).ToList();
        return new RenderedPages([.. rendered.Select(p => p.Record).OfType<PageRecord>()], [.. rendered.Select(p => p.File)]) { Kept = context.KeptCounts };
    }

    /// <summary>Each report's first photo, small, as the lists show it: its smallest WebP width, and its JPEG for browsers without WebP.</summary>
    private static Dictionary<Report, Thumb> Thumbs(IReadOnlyList<Report> reports, Dictionary<(string, string), Photo> photos, Routing.Routes routes)
    {
        var thumbs = new Dictionary<Report, Thumb>();
        foreach (var report in reports)
        {
            if (report.Original.Figures.FirstOrDefault() is { } figure && photos.TryGetValue((report.Directory, figure.Source), out var photo) && !photo.StandIn)
            {
                thumbs[report] = new Thumb(routes.Url(photo.Variants[0].WebpPath), photo.Variants[0].Width, routes.Url(photo.JpegPath), photo.DominantColor);
            }
        }

        return thumbs;
    }

    /// <summary>A report's photos as this build made them, named by the files of each (a photo's files are named by a hash of its bytes).</summary>
    private static ReportPhotos PhotosOf(Report report, Dictionary<(string, string), Photo> photos)
    {
        if (!report.HasFigures)
        {
            return ReportPhotos.None;
        }

        var files = new System.Text.StringBuilder();
        var bySource = new Dictionary<string, Photo>(StringComparer.Ordinal);
        foreach (var figure in report.Published.SelectMany(t => t.Figures))
        {
            if (!bySource.ContainsKey(figure.Source) && photos.TryGetValue((report.Directory, figure.Source), out var photo))
            {
                bySource[figure.Source] = photo;
                files.Append(photo.Largest.WebpPath).Append(',');
            }
        }

        return new ReportPhotos(bySource, files.ToString());
    }
}

/// <summary>A page's file, and its record for the sitemap (none for a page that is not listed, such as 404.html).</summary>
public sealed record RenderedPage(OutputFile File, PageRecord? Record);
