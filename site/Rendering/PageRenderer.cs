using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;

namespace ReportArchive.Rendering;

/// <summary>Turns the archive's reports into pages: the root chooser, a home page per language, and each report's articles.</summary>
public sealed class PageRenderer(SiteInputs site, IReadOnlyList<Report> reports, IReadOnlyList<Photo> photos, string stylesheetPath)
{
    private readonly Dictionary<(string, string), Photo> _photos = photos.ToDictionary(p => (p.ReportDirectory, p.Source));
    private readonly List<Report> _latestFirst = [.. reports.OrderByDescending(r => r.Date).ThenBy(r => r.Slug, StringComparer.Ordinal)];

    /// <summary>How wide a figure is drawn: the text column (42rem) on wide screens, the screen less its margins on narrow ones.</summary>
    private const string FigureSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    public IEnumerable<OutputFile> RenderAll()
    {
        yield return RenderRoot();
        foreach (var lang in Languages.All)
        {
            yield return RenderHome(lang);
        }

        foreach (var report in _latestFirst)
        {
            foreach (var lang in Languages.All.Where(l => report.In(l) is not null))
            {
                yield return RenderArticle(report, lang);
            }
        }
    }

    private string Url(string path) => site.Config.BasePath + path;

    private string Absolute(string path) => new Uri(site.Config.BaseUrl, path).AbsoluteUri;

    private Dictionary<string, object> T(string lang) => site.Strings[lang].Values.ToDictionary(kv => kv.Key, kv => (object)kv.Value);

    private List<AlternateLink> Alternates(Func<string, string?> pathIn) =>
        [.. Languages.All.Where(l => pathIn(l) is not null).Select(l => new AlternateLink(Languages.Tag(l), Absolute(pathIn(l)!))),
            new AlternateLink("x-default", Absolute(""))];

    private OutputFile RenderRoot()
    {
        var view = new RootView(site.Config.Title.Zh, site.Config.Title.En, Url("zh/"), Url("en/"), Url(stylesheetPath), Absolute(""),
            Alternates(l => $"{l}/"), T(Languages.Zh), T(Languages.En));
        return OutputFile.Text("index.html", site.Theme.Render("root", new { page = view }));
    }

    private OutputFile RenderHome(string lang)
    {
        var items = _latestFirst.Select(r =>
        {
            var translation = r.In(lang);
            var shown = translation ?? r.Zh;
            var first = shown.Lead.OfType<Paragraph>().FirstOrDefault() ?? shown.Sections.SelectMany(s => s.Paragraphs).FirstOrDefault();
            return new ReportItem(shown.Title, shown.Front.Subtitle, Url(r.PagePath(shown.Lang)), Dates.Format(r.Date, r.DateInferred, lang),
                r.Date.ToString("yyyy-MM"), first is null ? null : Excerpts.Of(first.Text, shown.Lang), translation is null, Languages.Tag(shown.Lang));
        }).ToList();
        var strings = site.Strings[lang];
        var view = new HomeView(strings["home_heading"], site.Config.Description.In(lang), items);
        var content = site.Theme.Render("home", new { page = view, t = T(lang) });
        return Page($"{lang}/", lang, site.Config.Title.In(lang), site.Config.Description.In(lang), Alternates(l => $"{l}/"), Url($"{Languages.Other(lang)}/"), content);
    }

    private OutputFile RenderArticle(Report report, string lang)
    {
        var translation = report.In(lang)!;
        var other = report.In(Languages.Other(lang));
        var first = true;
        BlockView View(Block block)
        {
            if (block is Paragraph p)
            {
                return new BlockView(p.Html, null);
            }

            var figure = (Figure)block;
            var photo = _photos[(report.Directory, figure.Source)];
            string Srcset(Func<PhotoVariant, string> path) => string.Join(", ", photo.Variants.Select(v => $"{Url(path(v))} {v.Width}w"));
            var fallback = photo.Variants.FirstOrDefault(v => v.Width >= 960) ?? photo.Largest;
            var view = new FigureView(Url(fallback.JpegPath), Url(photo.Largest.JpegPath), Srcset(v => v.JpegPath), Srcset(v => v.WebpPath),
                FigureSizes, photo.Width, photo.Height, photo.DominantColor, figure.Caption, photo.StandIn, first);
            first = false;
            return new BlockView(null, view);
        }

        var lead = new SectionView("", "", [.. translation.Lead.Select(View)], null);
        var sections = report.Zh.Sections.Select(original =>
        {
            var section = translation.Section(original.Id);
            return section is null
                ? new SectionView(original.Id, original.Heading, [], Url(report.PagePath(Languages.Zh)) + "#" + original.Id)
                : new SectionView(section.Id, section.Heading, [.. section.Blocks.Select(View)], null);
        }).Prepend(lead).ToList();
        var labels = (IEnumerable<string> keys, IReadOnlyDictionary<string, Bilingual> names) =>
            keys.Where(names.ContainsKey).Select(k => names[k].In(lang)).ToList();
        var view = new ArticleView(
            translation.Title,
            translation.Front.Subtitle,
            translation.Front.Byline,
            Dates.Format(report.Date, report.DateInferred, lang),
            report.DateInferred ? report.Date.ToString("yyyy-MM") : report.Date.ToString("yyyy-MM-dd"),
            report.DateInferred,
            sections,
            labels(report.Departments, site.Taxonomy.Departments),
            labels(report.Topics, site.Taxonomy.Topics),
            other is null ? null : Url(report.PagePath(other.Lang)),
            Languages.Tag(Languages.Other(lang)));
        var content = site.Theme.Render("article", new { page = view, t = T(lang) });
        var description = translation.Lead.OfType<Paragraph>().FirstOrDefault() is { } leadParagraph ? Excerpts.Of(leadParagraph.Text, lang) : translation.Title;
        return Page(report.PagePath(lang), lang, $"{translation.Title} · {site.Config.Title.In(lang)}", description,
            Alternates(l => report.In(l) is null ? null : report.PagePath(l)), view.OtherLanguageUrl, content);
    }

    private OutputFile Page(string path, string lang, string title, string description, List<AlternateLink> alternates, string? switchUrl, string content)
    {
        var otherLang = Languages.Other(lang);
        var layout = new LayoutView(lang, Languages.Tag(lang), title, description, Absolute(path), alternates, Url(stylesheetPath),
            Url($"{lang}/"), Url(""), site.Config.Title.In(lang), switchUrl, otherLang, Languages.Tag(otherLang), content);
        return OutputFile.Text(path + "index.html", site.Theme.Render("base", new { layout, t = T(lang) }));
    }
}
