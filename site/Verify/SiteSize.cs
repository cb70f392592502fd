using ReportArchive.Build;

namespace ReportArchive.Verify;

/// <summary>What a built site weighs, as GitHub Pages counts it (every published file), and its parts: pages, photos, search index.</summary>
public sealed record SiteSize(long Bytes, int Files, int Pages, long PhotoBytes, long SearchBytes)
{
    /// <summary>GitHub Pages refuses to publish a site larger than this.</summary>
    public const long PagesLimit = 1L << 30;

    /// <summary>The share of the limit above which every build warns.</summary>
    public const double WarnShare = 0.8;

    public static SiteSize Measure(string output)
    {
        long bytes = 0, photos = 0, search = 0;
        int files = 0, pages = 0;
        foreach (var file in new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(output, file.FullName).Replace('\\', '/');
            bytes += file.Length;
            files++;
            pages += file.Extension == ".html" ? 1 : 0;
            photos += path.StartsWith("photos/", StringComparison.Ordinal) ? file.Length : 0;
            search += path.StartsWith(Routing.Routes.SearchIndex, StringComparison.Ordinal) ? file.Length : 0;
        }

        return new SiteSize(bytes, files, pages, photos, search);
    }

    public override string ToString() =>
        $"{Mb(Bytes)} in {Files:N0} files ({Pages:N0} pages; photos {Mb(PhotoBytes)}, {Share(PhotoBytes)}; search index {Mb(SearchBytes)}, {Share(SearchBytes)}); " +
        $"{Share(Bytes, PagesLimit)} of GitHub Pages' 1 GB";

    /// <summary>A warning from 80 % of the limit, an error above it, each saying what to do.</summary>
    public Diagnostic? Problem(string output)
    {
        if (Bytes > PagesLimit)
        {
            return Diagnostic.Error("RA510", output, 1,
                $"the site is {Mb(Bytes)}, more than the 1 GB GitHub Pages publishes: make photos smaller before adding them (photos are {Share(PhotoBytes)} of the site), or publish the archive elsewhere");
        }

        return Bytes > PagesLimit * WarnShare
            ? Diagnostic.Warning("RA511", output, 1,
                $"the site is {Mb(Bytes)}, {Share(Bytes, PagesLimit)} of the 1 GB GitHub Pages publishes: plan for it before the archive grows further (photos are {Share(PhotoBytes)} of the site)")
            : null;
    }

    private static string Mb(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

    private string Share(long part) => Share(part, Bytes);

    private static string Share(long part, long whole) => whole == 0 ? "0 %" : $"{100.0 * part / whole:0} %";
}
