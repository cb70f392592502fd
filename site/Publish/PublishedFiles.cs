using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Rendering;
using ReportArchive.Routing;

namespace ReportArchive.Publish;

/// <summary>The publishing stage: the sitemap of every rendered page, a feed per language, and the files hosts and crawlers read.</summary>
public sealed record PublishedFiles(IReadOnlyList<OutputFile> Files) : IPublishes
{
    public static readonly PublishedFiles None = new([]);

    public static PublishedFiles Make(SiteInputs site, Archive archive, RenderedPages pages, BuildMemo? memo)
    {
        var routes = Routing.Routes.Of(site.Config);
        Func<string, string> absolute = routes.Absolute;
        // The sitemap lists every page: in the preview it is made again only when a page's address, date or alternates changed.
        var sitemap = memo is null
            ? Sitemap.Build(pages.Pages, absolute)
            : memo.GetOrAdd($"sitemap|{site.Fingerprint}|{Sitemap.Key(pages.Pages)}", () => Sitemap.Build(pages.Pages, absolute));
        return new PublishedFiles([.. sitemap, .. site.Languages.All.Select(l => AtomFeed.Build(l, archive.LatestFirst, site.Config, routes)),
            HostFiles.Robots(absolute), HostFiles.NoJekyll()]);
    }
}
