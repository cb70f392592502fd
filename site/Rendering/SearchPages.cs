using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>The search page of each language: a form that works as a plain GET form (so results can be linked to), and the
/// place where theme/assets/search.js writes its results.</summary>
public sealed class SearchPages(RenderContext context)
{
    public const string Section = "search";

    /// <summary>The search page of <paramref name="lang"/>, whose year filter offers <paramref name="years"/>.</summary>
    public IEnumerable<RenderedPage> Render(string lang, IReadOnlyList<string> years)
    {
        var site = context.Site;
        var heading = context.S(lang, "search_heading");
        var view = new SearchView(heading, context.Url(Route.Search(lang)), context.Routes.Url(Routes.SearchIndex),
            years,
            [.. site.Taxonomy.Departments.Select(d => new Choice(d.Key, d.Value.In(lang)))],
            [.. context.Languages.All.Select(l => new SearchLanguage(l.Key, l.Tag, l.Name, context.S(l.Key, "lead"), l.ReadingUnit == Configuration.ReadingUnit.Characters ? 90 : 200))],
            [.. context.Sections(lang, Section).Skip(1)]);
        var meta = new PageMeta(Route.Search(lang), $"{heading} · {site.Config.Title.In(lang)}", context.S(lang, "search_hint"), Section);
        return context.Page(meta, "search", view);
    }
}
