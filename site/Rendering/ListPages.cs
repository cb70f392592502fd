using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>The lists of reports in each language: the home page, and the archives by year, by department and by topic,
/// each with an index that counts the reports of every group, and paginated past the configured page size. A report with a photo
/// is shown with its first one, small.</summary>
public sealed class ListPages(RenderContext context)
{
    /// <summary>The list pages of a language, each a piece of work of its own, so that they can be rendered on every core.</summary>
    public IEnumerable<Func<IEnumerable<RenderedPage>>> Pages(string lang, IReadOnlyList<Report> reports, IReadOnlyDictionary<Report, Thumb> thumbs)
    {
        var site = context.Site;
        var all = Paged(Route.Home(lang), "home", context.S(lang, "home_heading"), site.Config.Description.In(lang), reports, thumbs);
        var years = reports.GroupBy(r => r.Year).OrderByDescending(g => g.Key).ToList();
        var yearPages = years.SelectMany(g => Paged(Route.Year(lang, g.Key), "archive", context.Format(lang, "year_heading", g.Key.ToString("D4")), null, [.. g], thumbs));
        var yearIndex = Index(Route.Years(lang), "archive", years.Select(g => new IndexEntry(g.Key.ToString("D4"), context.Url(Route.Year(lang, g.Key)), g.Count())));
        return all.Append(yearIndex).Concat(yearPages)
            .Concat(Groups(lang, "departments", PageKind.Departments, PageKind.Department, site.Taxonomy.Departments, reports, r => r.Departments, thumbs))
            .Concat(Groups(lang, "topics", PageKind.Topics, PageKind.Topic, site.Taxonomy.Topics, reports, r => r.Topics, thumbs));
    }

    /// <summary>A report as a list shows it, in <paramref name="lang"/> when it has that language, otherwise in the original, marked so.</summary>
    private ReportItem Item(Report report, string lang, Thumb? thumb) =>
        _items.GetOrAdd((report.Directory, lang), _ => new(() => context.Reuse(new ItemKey(context.Key, report, lang, thumb), MakeItem))).Value;

    // A report is listed on its language's home page, its year's archive and the page of each of its departments and topics:
    // its item is made once, though those pages are made at the same time.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Directory, string Lang), Lazy<ReportItem>> _items = new();

    private ReportItem MakeItem(ItemKey key)
    {
        var (report, lang) = (key.Report, key.Lang);
        var translation = report.In(lang);
        var shown = translation ?? report.Original;
        var shownIn = context.Languages[shown.Lang];
        var first = shown.Lead.OfType<Paragraph>().FirstOrDefault() ?? shown.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault();
        var department = report.Departments.FirstOrDefault(context.Site.Taxonomy.Departments.ContainsKey);
        return new ReportItem(shown.Title, shown.Front.Subtitle, context.Url(Route.Article(shown.Lang, report)),
            context.Languages[lang].FormatDate(report.Date, report.DateInferred), ArticlePages.DateIso(report),
            first is null ? null : Excerpts.Of(first.Text, shownIn),
            ReadingTime.Label(context, ReadingTime.Minutes(shown, shownIn), lang), translation is null, shownIn.Tag)
        {
            Label = shown.Front.Kicker ?? (department is null ? null : context.Site.Taxonomy.Departments[department].In(lang)),
            Thumb = key.Thumb,
        };
    }

    private IEnumerable<Func<IEnumerable<RenderedPage>>> Groups(string lang, string section, PageKind indexKind, PageKind groupKind,
        IReadOnlyDictionary<string, Localized> names, IReadOnlyList<Report> reports, Func<Report, IEnumerable<string>> keys, IReadOnlyDictionary<Report, Thumb> thumbs)
    {
        // Each group's reports in the archive's order, found in one pass over the archive.
        var groups = names.Keys.ToDictionary(k => k, _ => new List<Report>(), StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var key in keys(report))
            {
                if (groups.TryGetValue(key, out var group) && (group.Count == 0 || group[^1] != report))
                {
                    group.Add(report);
                }
            }
        }

        var members = names.Keys.Select(k => (Key: k, Reports: groups[k])).ToList();
        var index = Index(new Route(indexKind, lang), section,
            members.Select(m => new IndexEntry(names[m.Key].In(lang), context.Url(new Route(groupKind, lang, m.Key)), m.Reports.Count)));
        return members.SelectMany(m => Paged(new Route(groupKind, lang, m.Key), section, names[m.Key].In(lang), null, m.Reports, thumbs)).Prepend(index);
    }

    private Func<IEnumerable<RenderedPage>> Index(Route route, string section, IEnumerable<IndexEntry> entries) => () =>
    {
        var lang = route.Lang;
        var heading = context.S(lang, $"nav_{section}");
        var view = new IndexView(heading, [.. entries], context.Sections(lang, section));
        var meta = new PageMeta(route, $"{heading} · {context.Site.Config.Title.In(lang)}", heading, section);
        return context.Page(meta, "index", view);
    };

    /// <summary>The pages of one list: the first at the list's route, the next at <c>page/2/</c> and so on. An empty list still has its first page.</summary>
    private IEnumerable<Func<IEnumerable<RenderedPage>>> Paged(Route list, string section, string heading, string? intro, IReadOnlyList<Report> reports,
        IReadOnlyDictionary<Report, Thumb> thumbs)
    {
        var size = context.Site.Config.PageSize;
        var count = Math.Max(1, (reports.Count + size - 1) / size);
        // A page is made again only when a report on it changed, or the list's length (in the preview, and over a spare that holds it).
        return Enumerable.Range(1, count).Select<int, Func<IEnumerable<RenderedPage>>>(n => () =>
        {
            List<Report> shown = [.. reports.Skip((n - 1) * size).Take(size)];
            return context.Pages(new ListPageKey(context.Key, list, section, n, count, heading, intro, new(shown), new([.. shown.Select(r => thumbs.GetValueOrDefault(r))])), Page);
        });
    }

    private List<RenderedPage> Page(ListPageKey key)
    {
        var (list, n, count, heading, intro) = (key.List, key.Number, key.Count, key.Heading, key.Intro);
        var lang = list.Lang;
        var shown = key.Shown.Reports;
        var pagination = count == 1 ? null : new Pagination(
            n > 1 ? context.Url(list.Page(n - 1)) : null,
            n < count ? context.Url(list.Page(n + 1)) : null,
            [.. PageNumbers.Window(n, count).Select(k => k is { } number ? new PageLink($"{number}", context.Url(list.Page(number)), number == n) : new PageLink("…", null, false))]);
        var title = n == 1 ? heading : context.Format(lang, "heading_page", heading, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var view = new ListView(title, n == 1 ? intro : null, [.. shown.Select((r, i) => Item(r, lang, key.Thumbs.Items[i]))], pagination, context.Sections(lang, key.Section));
        var meta = new PageMeta(list.Page(n), $"{title} · {context.Site.Config.Title.In(lang)}", intro ?? heading, key.Section,
            Modified: shown.FirstOrDefault()?.Date);
        return [.. context.Page(meta, "list", view)];
    }
}
