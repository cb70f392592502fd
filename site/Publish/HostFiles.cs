using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Publish;

/// <summary>The small files a static host and crawlers look for.</summary>
public static class HostFiles
{
    public static OutputFile Robots(Func<string, string> absolute) =>
        OutputFile.Text(Routes.Robots, $"User-agent: *\nAllow: /\nSitemap: {absolute(Routes.Sitemap)}\n");

    /// <summary>Tells GitHub Pages to serve the files as they are, without running Jekyll over them.</summary>
    public static OutputFile NoJekyll() => OutputFile.Text(Routes.NoJekyll, "");
}
