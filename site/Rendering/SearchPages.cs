using ReportArchive.Configuration;

namespace ReportArchive.Rendering;

/// <summary>The search page of each language: a form that works as a plain GET form (so results can be linked to), and the
/// place where theme/assets/search.js writes its results.</summary>
public sealed class SearchPages(RenderContext context)
{
    public const string Section = "search";

    public static string PathIn(string lang) => $"{lang}/search/";

    public IEnumerable<RenderedPage> Render(string lang)
    {
        var site = context.Site;
        var heading = context.S(lang, "search_heading");
        var view = new SearchView(heading, context.Url(PathIn(lang)), context.Url("search/"),
            [.. context.LatestFirst.Select(r => r.Year.ToString("D4")).Distinct()],
            [.. site.Taxonomy.Departments.Select(d => new Choice(d.Key, d.Value.In(lang)))],
            context.S(Languages.Zh, "language_name"), context.S(Languages.En, "language_name"), context.S(Languages.Zh, "lead"), context.S(Languages.En, "lead"));
        var meta = new PageMeta(PathIn(lang), lang, $"{heading} · {site.Config.Title.In(lang)}", context.S(lang, "search_hint"),
            context.Alternates(PathIn), context.Url(PathIn(Languages.Other(lang))), Section);
        return context.Page(meta, "search", view);
    }
}
