using ReportArchive.Configuration;
using ReportArchive.Output;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>The two pages that speak every language at once: the root, which offers them (and, with JavaScript, follows the
/// browser's language), and 404.html.</summary>
public sealed class ChooserPages(RenderContext context)
{
    public IEnumerable<RenderedPage> Render()
    {
        var languages = context.Languages;
        List<AlternateLink> alternates = [.. languages.All.Select(l => new AlternateLink(l.Tag, context.Absolute(Route.Home(l.Key)))), new("x-default", context.Absolute(Route.Root))];
        var view = new ChooserView
        {
            HtmlLang = languages.Original.Tag,
            Stylesheet = context.Asset("site.css"),
            Icon = context.Asset("favicon.svg"),
            Canonical = context.Absolute(Route.Root),
            Alternates = alternates,
            Languages = [.. languages.All.Select(l => new ChooserLanguage(context.Url(Route.Home(l.Key)), l.Tag, l.Name, context.Site.Config.Title.In(l.Key), context.T(l.Key)))],
            Matches = [.. BrowserMatches(languages).Select(m => new BrowserMatch(m.Prefix, context.Url(Route.Home(m.Language.Key))))],
        };
        var root = context.Theme.Render("root", view);
        var notFound = context.Theme.Render("404", view with { Canonical = context.Absolute(Route.NotFound) });
        yield return new RenderedPage(OutputFile.Text(context.Routes.Path(Route.Root) + "index.html", root), new PageRecord("", null));
        yield return new RenderedPage(OutputFile.Text(context.Routes.Path(Route.NotFound), notFound), null);
    }

    /// <summary>Which browser languages lead to which home page: a language alone with its primary subtag takes every browser
    /// language that starts with it (<c>en</c>, <c>en-GB</c>); languages that share one (zh-Hans, zh-Hant) take their full tag and
    /// the regions that write that script, and the first of them also the bare subtag. Longest prefixes first.</summary>
    public static IEnumerable<(string Prefix, Language Language)> BrowserMatches(LanguageSet languages)
    {
        var matches = new List<(string, Language)>();
        foreach (var group in languages.All.GroupBy(l => Primary(l.Tag)))
        {
            if (group.Count() > 1)
            {
                foreach (var language in group)
                {
                    matches.Add((language.Tag.ToLowerInvariant(), language));
                    matches.AddRange(ScriptRegions.GetValueOrDefault(language.Tag.ToLowerInvariant(), []).Select(r => ($"{group.Key}-{r}", language)));
                }
            }

            matches.Add((group.Key, group.First()));
        }

        return matches.OrderByDescending(m => m.Item1.Length);
    }

    private static string Primary(string tag) => tag.Split('-')[0].ToLowerInvariant();

    // Browsers send a region (zh-TW) more often than a script (zh-Hant).
    private static readonly Dictionary<string, string[]> ScriptRegions = new(StringComparer.Ordinal)
    {
        ["zh-hant"] = ["tw", "hk", "mo"],
        ["zh-hans"] = ["cn", "sg", "my"],
    };
}
