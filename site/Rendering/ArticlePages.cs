using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Photos;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>A report's pages: the article in each language it is published in, and, for each published translation, the parallel
/// reading page (the original beside that translation) in every language.</summary>
public sealed class ArticlePages(RenderContext context)
{
    /// <summary>How wide a figure is drawn: the text column (42rem) on wide screens, the screen less its margins on narrow ones.</summary>
    private const string FigureSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    public IEnumerable<RenderedPage> Render(Report report) => context.ForReport("pages", report, () => RenderUncached(report).ToList());

    private IEnumerable<RenderedPage> RenderUncached(Report report)
    {
        var parallel = new ParallelPage(context, this);
        return report.Published.SelectMany(t => Article(report, t.Lang))
            .Concat(report.Translations.SelectMany(pair => context.Languages.All.SelectMany(l => parallel.Render(report, l.Key, pair))));
    }

    /// <summary>Links between the reading modes of a translated report: each language it is published in, then its parallel pages.</summary>
    public List<NavLink> Modes(Report report, string lang, Route current)
    {
        if (!report.IsTranslated)
        {
            return [];
        }

        var pairs = report.Translations.ToList();
        var languages = report.Published.Select(t => context.Languages[t.Lang]); // the original first, then the archive's language order
        return
        [
            .. languages.Select(l => new NavLink(l.Name, context.Url(Route.Article(l.Key, report)), current == Route.Article(l.Key, report), l.Tag)),
            .. pairs.Select(pair => new NavLink(
                pairs.Count == 1 ? context.S(lang, "mode_parallel") : $"{context.S(lang, "mode_parallel")} · {context.Languages[pair.Lang].Name}",
                context.Url(Route.Parallel(lang, report, pair.Lang)), current == Route.Parallel(lang, report, pair.Lang))),
        ];
    }

    public FigureView Figure(Report report, Figure figure, bool first, string? otherCaption = null)
    {
        var photo = context.Photo(report, figure.Source);
        var srcset = string.Join(", ", photo.Variants.Select(v => $"{context.Routes.Url(v.WebpPath)} {v.Width}w"));
        return new FigureView(context.Routes.Url(photo.JpegPath), context.Routes.Url(photo.Largest.WebpPath), srcset,
            FigureSizes, photo.Width, photo.Height, photo.DominantColor, figure.Caption, photo.StandIn, first, otherCaption)
        { Credit = figure.Credit };
    }

    private object JsonLd(Report report, Translation translation, Language language)
    {
        var images = translation.Figures.Select(f => context.Routes.Absolute(context.Photo(report, f.Source).JpegPath)).ToList();
        return Rendering.JsonLd.NewsArticle(context.Absolute(Route.Article(language.Key, report)), translation.Title, translation.Front.Subtitle,
            DateIso(report), language.Tag, translation.Front.Byline, images, context.Site.Config.Title.In(language.Key),
            language.IsOriginal ? null : context.Absolute(Route.Article(context.Languages.Original.Key, report)));
    }

    public static string DateIso(Report report) => report.DateInferred ? report.Date.ToString("yyyy-MM") : report.Date.ToString("yyyy-MM-dd");

    private IEnumerable<RenderedPage> Article(Report report, string lang)
    {
        var language = context.Languages[lang];
        var translation = report.In(lang)!;
        var first = true;
        BlockView View(Block block)
        {
            if (block is Paragraph p)
            {
                return new BlockView(p.Html, null);
            }

            var view = Figure(report, (Figure)block, first);
            first = false;
            return new BlockView(null, view);
        }

        // Slots not translated yet are not published: the section shows what is translated and links to the original for the rest.
        var originalUrl = context.Url(Route.Article(report.Original.Lang, report));
        SectionView Part(string id, string heading, IReadOnlyList<Block> blocks) =>
            new(id, heading, [.. blocks.Where(b => b is not Untranslated).Select(View)],
                blocks.Any(b => b is Untranslated) ? originalUrl + (id.Length > 0 ? "#" + id : "") : null, blocks.Any(b => b is Untranslated));
        var lead = Part("", "", translation.Lead);
        var sections = report.Original.Sections.Select(original => translation.Section(original.Id) is { } section
            ? Part(section.Id, section.Heading, section.Blocks)
            : new SectionView(original.Id, original.Heading, [], originalUrl + "#" + original.Id)).Prepend(lead).ToList();
        var view = new ArticleView
        {
            Kicker = translation.Front.Kicker,
            Title = translation.Title,
            Subtitle = translation.Front.Subtitle,
            Byline = translation.Front.Byline,
            DateText = language.FormatDate(report.Date, report.DateInferred),
            DateIso = DateIso(report),
            DateInferred = report.DateInferred,
            ReadingTime = ReadingTime.Label(context, ReadingTime.Minutes(translation, language), lang),
            Modes = Modes(report, lang, Route.Article(lang, report)),
            Sections = sections,
            Departments = Labels(report.Departments, context.Site.Taxonomy.Departments, lang, PageKind.Department),
            Topics = Labels(report.Topics, context.Site.Taxonomy.Topics, lang, PageKind.Topic),
            Untranslated = language.IsOriginal && !report.IsTranslated,
            OriginalLang = context.Languages.Original.Tag,
        };
        var description = translation.Lead.OfType<Paragraph>().FirstOrDefault() is { } leadParagraph ? Excerpts.Of(leadParagraph.Text, language) : translation.Title;
        var image = translation.Figures.FirstOrDefault() is { } figure ? context.Photo(report, figure.Source).JpegPath : null;
        var meta = new PageMeta(Route.Article(lang, report), $"{translation.Title} · {context.Site.Config.Title.In(lang)}", description, "home",
            l => report.In(l) is not null, "article", image, JsonLd(report, translation, language), report.Date);
        return context.Page(meta, "article", view);
    }

    private List<NavLink> Labels(IEnumerable<string> keys, IReadOnlyDictionary<string, Localized> names, string lang, PageKind kind) =>
        [.. keys.Where(names.ContainsKey).Select(k => new NavLink(names[k].In(lang), context.Url(new Route(kind, lang, k)), false))];
}
