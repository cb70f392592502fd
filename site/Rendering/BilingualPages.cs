using ReportArchive.Configuration;
using ReportArchive.Output;

namespace ReportArchive.Rendering;

/// <summary>The two pages that speak both languages at once: the root, which offers them, and 404.html.</summary>
public sealed class BilingualPages(RenderContext context)
{
    public IEnumerable<RenderedPage> Render()
    {
        var config = context.Site.Config;
        var view = new BilingualView(config.Title.Zh, config.Title.En, context.Url("zh/"), context.Url("en/"), context.Asset("site.css"),
            context.Asset("favicon.svg"), context.Absolute(""), context.Alternates(l => $"{l}/"), context.T(Languages.Zh), context.T(Languages.En));
        yield return new RenderedPage(OutputFile.Text("index.html", context.Site.Theme.Render("root", new { page = view })), new PageRecord("", view.Alternates, null));
        yield return new RenderedPage(OutputFile.Text("404.html", context.Site.Theme.Render("404", new { page = view with { Canonical = context.Absolute("404.html") } })), null);
    }
}
