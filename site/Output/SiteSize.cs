using ReportArchive.Build;

namespace ReportArchive.Output;

/// <summary>What a built site weighs, as GitHub Pages counts it (every published file), and its parts: pages, photos, search index.</summary>
public sealed record SiteSize(long Bytes, int Files, int Pages, long PhotoBytes, long SearchBytes)
{
    /// <summary>GitHub Pages refuses to publish a site larger than this.</summary>
    public const long PagesLimit = 1L << 30;

    /// <summary>The share of the limit above which every build warns.</summary>
    public const double WarnShare = 0.8;

    /// <summary>A built site on disk.</summary>
    public static SiteSize Measure(string output) =>
        Of(new DirectoryInfo(output).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(output, f.FullName).Replace('\\', '/'), f.Length)));

    /// <summary>The files a build made (or, in a check, counted), before anything is written.</summary>
    public static SiteSize Of(IEnumerable<OutputFile> files) => Of(files.Select(f => (f.Path, f.Length)));

    private static SiteSize Of(IEnumerable<(string Path, long Length)> files)
    {
        long bytes = 0, photos = 0, search = 0;
        int count = 0, pages = 0;
        foreach (var (path, length) in files)
        {
            bytes += length;
            count++;
            pages += path.EndsWith(".html", StringComparison.Ordinal) ? 1 : 0;
            photos += path.StartsWith(Routing.Routes.PhotosFolder, StringComparison.Ordinal) ? length : 0;
            search += path.StartsWith(Routing.Routes.SearchIndex, StringComparison.Ordinal) ? length : 0;
        }

        return new SiteSize(bytes, count, pages, photos, search);
    }

    public override string ToString() =>
        $"{Mb(Bytes)} in {Files:N0} files ({Pages:N0} pages; photos {Mb(PhotoBytes)}, {Share(PhotoBytes)}; search index {Mb(SearchBytes)}, {Share(SearchBytes)}); " +
        $"{Share(Bytes, PagesLimit)} of GitHub Pages' 1 GB";

    /// <summary>A warning from 80 % of the limit (GitHub Pages' 1 GB unless another is given), an error above it, each saying what to do.</summary>
    public Diagnostic? Problem(string output, long limit = PagesLimit)
    {
        var of = limit == PagesLimit ? "the 1 GB GitHub Pages publishes" : $"the {Mb(limit)} allowed";
        if (Bytes > limit)
        {
            var advice = PhotoBytes * 2 > Bytes
                ? "crop or shrink the largest photos before adding them, or remove photos no report needs"
                : "the pages and the search index grow with the text: split the archive into sites of fewer reports";
            return Diagnostic.Error("RA510", output, 1,
                $"the site would be {Mb(Bytes)}, more than {of}, and would not deploy: photos are {Share(PhotoBytes)} of it and the search index {Share(SearchBytes)}; " +
                $"{advice}, or publish it on a host that takes more (build --size-limit MB, 0 for none)");
        }

        return Bytes > limit * WarnShare
            ? Diagnostic.Warning("RA511", output, 1,
                $"the site is {Mb(Bytes)}, {Share(Bytes, limit)} of {of}: plan for it before the archive grows further (photos are {Share(PhotoBytes)} of the site)")
            : null;
    }

    /// <summary>The summary a build prints: the size, the photos' share, and how much of the limit it uses.</summary>
    public string Summary => $"{Mb(Bytes)} (photos {Share(PhotoBytes)}, search index {Share(SearchBytes)}; {Share(Bytes, PagesLimit)} of GitHub Pages' 1 GB)";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:0.0} MiB";

    private string Share(long part) => Share(part, Bytes);

    private static string Share(long part, long whole) => whole == 0 ? "0 %" : $"{100.0 * part / whole:0} %";
}
