using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Rendering;
using ReportArchive.Reuse;
using ReportArchive.Routing;

namespace ReportArchive.Publish;

/// <summary>The publishing stage: the sitemap of every rendered page, a feed per language, and the files hosts and crawlers read.</summary>
public sealed record PublishedFiles(IReadOnlyList<OutputFile> Files) : IPublishes
{
    public static readonly PublishedFiles None = new([]);

    public static PublishedFiles Make(SiteInputs site, Archive archive, RenderedPages pages, ReuseStore? memo, OutputSink? sink = null)
    {
        var routes = Routing.Routes.Of(site.Config);
        // The sitemap lists every page. It is made again only when a page's address or date, or the site, changed: in the
        // preview, kept in its store; over a spare that holds the sitemap the last build made from the same pages, taken as it is.
        var spare = sink is { Manifest: not null } ? sink : null;
        var key = new SitemapKey(site.Fingerprint, memo is null && spare is null ? "" : Sitemap.Key(pages.Pages)) { Records = pages.Pages, Routes = routes };
        var sitemap = spare is not null ? KeptOrMade(spare, key) : memo.ReuseOrMake(key, SitemapKey.Make);
        return new PublishedFiles([.. sitemap, .. site.Languages.All.Select(l => AtomFeed.Build(l, archive.LatestFirst, site.Config, routes)),
            HostFiles.Robots(routes.Absolute), HostFiles.NoJekyll()]);
    }

    private static IReadOnlyList<OutputFile> KeptOrMade(OutputSink sink, SitemapKey key)
    {
        if (sink.Reuse(key.Digest) is { } places)
        {
            return [.. places.Select(p => sink.Kept(p.Path))];
        }

        List<OutputFile> made = [.. SitemapKey.Make(key).Select(f => sink.Bytes(f.Path, f.Bytes!))];
        sink.Record(key.Digest, [.. made.Select(f => new PagePlace(f.Path, null, null))]);
        return made;
    }
}

/// <summary>The sitemap of a site (named by its inputs' fingerprint) whose pages have these addresses and dates (named by
/// <see cref="Sitemap.Key"/>): made from the pages' records and the site's addresses it carries, compared by the names alone.</summary>
public sealed record SitemapKey(string Site, string Pages) : IReuseKey<IReadOnlyList<OutputFile>>
{
    public required IReadOnlyList<PageRecord> Records { get; init; }

    public required Routing.Routes Routes { get; init; }

    /// <summary>The sitemap's inputs named for a spare's manifest: the site's fingerprint and the pages' addresses and dates.</summary>
    public string Digest => $"sitemap|{Site}|{Pages}";

    public static IReadOnlyList<OutputFile> Make(SitemapKey key) => Sitemap.Build(key.Records, key.Routes.Absolute);

    public bool Equals(SitemapKey? other) => other is not null && Site == other.Site && Pages == other.Pages;

    public override int GetHashCode() => HashCode.Combine(Site, Pages);
}
