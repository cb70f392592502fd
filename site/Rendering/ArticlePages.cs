using System.Globalization;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Photos;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>A report's pages: the article in each language it is published in. A translation's page also carries the original,
/// paragraph by paragraph, for its parallel reading mode (<c>#parallel</c>): the text is published once per language and once
/// more for the original beside each translation, not again in a page of its own. The parallel pages' old addresses send
/// the reader there.</summary>
public sealed class ArticlePages(RenderContext context)
{
    /// <summary>How wide a figure is drawn: the text column (42rem) on wide screens, the screen less its margins on narrow ones.</summary>
    private const string FigureSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    /// <summary>The key of a report's pages: the report and its photos as this build made them, and the reports its end links to.</summary>
    public ReportPagesKey Key(Report report, ReportPhotos photos, ReportLinks links) => new(context.Key, report, photos, links);

    /// <summary>Contents longer than this are folded, so that the story leads on a phone.</summary>
    private const int OpenContents = 3;

    public IEnumerable<RenderedPage> Render(ReportPagesKey key) => context.Pages(key, Make);

    private List<RenderedPage> Make(ReportPagesKey key) =>
    [
        .. key.Report.Published.SelectMany(t => Article(key, t.Lang)),
        .. key.Report.Translations.SelectMany(pair => context.Languages.All.Select(l => Moved(key.Report, l.Key, pair))),
    ];

    /// <summary>The id of a translation's article (theme/layouts/article.liquid), the target that turns its parallel mode on.</summary>
    private const string ParallelId = "parallel";

    /// <summary>The parallel mode of a translation: its page, with the fragment that shows the original beside it.</summary>
    private static string ParallelUrl(Report report, Translation translation, Func<Route, string> url) =>
        url(Route.Article(translation.Lang, report)) + "#" + ParallelId;

    private RenderedPage Moved(Report report, string lang, Translation pair)
    {
        var view = new MovedView
        {
            HtmlLang = context.Languages[lang].Tag,
            Title = $"{report.In(lang)?.Title ?? report.Original.Title} · {context.S(lang, "mode_parallel")}",
            Url = ParallelUrl(report, pair, context.Url),
            Canonical = ParallelUrl(report, pair, context.Absolute),
            Icon = context.Asset("favicon.svg"),
        };
        return new RenderedPage(context.Sink.Text(context.Routes.Path(Route.Parallel(lang, report, pair.Lang)) + "index.html", context.Theme.Render("moved", view)), null);
    }

    /// <summary>Links between the reading modes of a translated report: each language it is published in, then its parallel
    /// modes (on a translation's own page, its parallel mode is the fragment alone).</summary>
    private List<NavLink> Modes(Report report, string lang)
    {
        if (!report.IsTranslated)
        {
            return [];
        }

        var pairs = report.Translations.ToList();
        var languages = report.Published.Select(t => context.Languages[t.Lang]); // the original first, then the archive's language order
        return
        [
            .. languages.Select(l => new NavLink(l.Name, context.Url(Route.Article(l.Key, report)), l.Key == lang, l.Tag)),
            .. pairs.Select(pair => new NavLink(
                pairs.Count == 1 ? context.S(lang, "mode_parallel") : $"{context.S(lang, "mode_parallel")} · {context.Languages[pair.Lang].Name}",
                pair.Lang == lang ? "#" + ParallelId : ParallelUrl(report, pair, context.Url), false)),
        ];
    }

    private FigureView Figure(ReportPhotos photos, Figure figure, bool first, string? originalCaption = null)
    {
        var photo = photos[figure.Source];
        var srcset = string.Join(", ", photo.Variants.Select(v => $"{context.Routes.Url(v.WebpPath)} {v.Width}w"));
        return new FigureView(context.Routes.Url(photo.JpegPath), context.Routes.Url(photo.Largest.WebpPath), srcset,
            FigureSizes, photo.Width, photo.Height, photo.DominantColor, figure.Caption, photo.StandIn, first, originalCaption)
        { Credit = figure.Credit };
    }

    private Dictionary<string, object?> JsonLd(Report report, ReportPhotos photos, Translation translation, Language language)
    {
        var images = translation.Figures.Select(f => context.Routes.Absolute(photos[f.Source].JpegPath)).ToList();
        return Rendering.JsonLd.NewsArticle(context.Absolute(Route.Article(language.Key, report)), translation.Title, translation.Front.Subtitle,
            DateIso(report), language.Tag, translation.Front.Byline, images, context.Site.Config.Title.In(language.Key),
            language.IsOriginal ? null : context.Absolute(Route.Article(context.Languages.Original.Key, report)));
    }

    public static string DateIso(Report report) => DateIso(report.Date, report.DateInferred);

    /// <summary>A date as <c>datetime</c> and JSON-LD write it: to the month only when it is inferred.</summary>
    public static string DateIso(DateOnly date, bool inferred) => date.ToString(inferred ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A translation's lead and sections as the article shows them, each paired with the original when
    /// <paramref name="paired"/>. Slots not translated yet are not published: the section shows what is translated and links to
    /// the original for the rest.</summary>
    private List<SectionView> Sections(Report report, ReportPhotos photos, Translation translation, bool paired)
    {
        var original = report.Original;
        var first = true;
        FigureView FigureOf(Figure figure, IEnumerable<Block> originalBlocks)
        {
            var originalCaption = paired ? originalBlocks.OfType<Figure>().FirstOrDefault(f => f.Source == figure.Source)?.Caption : null;
            var view = Figure(photos, figure, first, originalCaption);
            first = false;
            return view;
        }

        var originalUrl = context.Url(Route.Article(original.Lang, report));
        SectionView Part(string id, string heading, IReadOnlyList<Block> blocks, Section? originalSection)
        {
            var originalBlocks = originalSection?.Blocks ?? original.Lead; // the lead has no section
            var originalParagraphs = paired ? originalBlocks.OfType<Paragraph>().ToList() : [];
            // A translation's paragraph (or slot not filled yet) is paired with the original's paragraph in its place, when
            // the counts agree; else the section is paired as a whole.
            var aligned = paired && originalParagraphs.Count == blocks.Count(b => b is Paragraph or Untranslated { IsFigure: false });
            var slot = 0;
            var views = new List<BlockView>();
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case Paragraph p:
                        views.Add(new BlockView(p.Html, null) { Original = aligned ? originalParagraphs[slot++].Html : null });
                        break;
                    case Untranslated { IsFigure: false } when aligned:
                        views.Add(new BlockView(null, null) { Original = originalParagraphs[slot++].Html });
                        break;
                    case Figure f:
                        views.Add(new BlockView(null, FigureOf(f, originalBlocks)));
                        break;
                }
            }

            return new SectionView(id, heading, views, blocks.Any(b => b is Untranslated) ? originalUrl + (id.Length > 0 ? "#" + id : "") : null, blocks.Any(b => b is Untranslated))
            {
                OriginalHeading = paired ? originalSection?.Heading : null,
                OriginalWhole = paired && !aligned ? Join(originalParagraphs) : null,
                Draft = translation.Front.Drafts.Any(d => d.Value == (id.Length == 0 ? TranslationHashes.HeadKey : id)),
            };
        }

        var lead = Part("", "", translation.Lead, null);
        var sections = original.Sections.Select(os => translation.Section(os.Id) is { } section
            ? Part(section.Id, section.Heading, section.Blocks, os)
            : new SectionView(os.Id, os.Heading, [], originalUrl + "#" + os.Id) { OriginalWhole = paired ? Join(os.Blocks.OfType<Paragraph>()) : null })
            .Prepend(lead).ToList();
        return sections;
    }

    private IEnumerable<RenderedPage> Article(ReportPagesKey key, string lang)
    {
        var (report, photos) = (key.Report, key.Photos);
        var language = context.Languages[lang];
        var translation = report.In(lang)!;
        var original = report.Original;
        var paired = !language.IsOriginal;
        var sections = Sections(report, photos, translation, paired);
        var headed = sections.Count(s => s.Heading.Length > 0);
        var permalink = context.Absolute(Route.Article(lang, report));
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
            Modes = Modes(report, lang),
            Sections = sections,
            Departments = Labels(report.Departments, context.Site.Taxonomy.Departments, lang, PageKind.Department),
            Topics = Labels(report.Topics, context.Site.Taxonomy.Topics, lang, PageKind.Topic),
            Untranslated = language.IsOriginal && !report.IsTranslated,
            OriginalLang = context.Languages.Original.Tag,
            Original = paired
                ? new ParallelHeader(original.Title, original.Front.Subtitle, original.Front.Byline, context.S(original.Lang, "stand_in"))
                : null,
            TocOpen = headed <= OpenContents,
            TocCount = headed == 0 ? null : context.Format(lang, "toc_count", headed.ToString(CultureInfo.InvariantCulture)),
            Source = Source(report, lang),
            Translator = paired && translation.Front.Translator is { } translator ? context.Format(lang, "translator", translator) : null,
            Citation = Citations.For(language.Tag, Cited(report, translation, paired, permalink)),
            Permalink = permalink,
            Newer = key.Links.Newer is { } newer ? Link(newer, lang) : null,
            Older = key.Links.Older is { } older ? Link(older, lang) : null,
            Related = [.. key.Links.Related.Select(r => Link(r, lang))],
        };
        var description = translation.Lead.OfType<Paragraph>().FirstOrDefault() is { } leadParagraph ? Excerpts.Of(leadParagraph.Text, language) : translation.Title;
        var image = translation.Figures.FirstOrDefault() is { } figure ? photos[figure.Source].JpegPath : null;
        var meta = new PageMeta(Route.Article(lang, report), $"{translation.Title} · {context.Site.Config.Title.In(lang)}", description, "home",
            l => report.In(l) is not null, "article", image, JsonLd(report, photos, translation, language), report.Date);
        return context.Page(meta, "article", view);
    }

    /// <summary>Another report as this page links to it: in the page's language when it is published in it, else in the original.</summary>
    private ReportLink Link(LinkedReport other, string lang)
    {
        var (shownLang, title) = other.Title(lang) is { } translated ? (lang, translated) : other.Titles[0];
        return new ReportLink(title, context.Url(Route.Article(shownLang, other)), context.Languages[lang].FormatDate(other.Date, other.DateInferred),
            DateIso(other.Date, other.DateInferred), shownLang != lang, context.Languages[shownLang].Tag);
    }

    /// <summary>The paper the report was printed in: its front matter's, else the archive's.</summary>
    private string? Paper(Report report, string lang) => report.Original.Front.Paper ?? context.Site.Config.Paper?.In(lang);

    /// <summary>Where the report was first printed, in the page's language: the paper, the date and the page, as much as is known.</summary>
    private string? Source(Report report, string lang)
    {
        var paper = Paper(report, lang);
        var page = Citations.PageNumber(report.Original.Front.Page) is { } number
            ? context.Format(lang, char.IsAsciiLetter(number[0]) ? "page_label_lettered" : "page_label", number)
            : null;
        if (paper is null && page is null)
        {
            return null;
        }

        var when = context.Languages[lang].FormatDate(report.Date, report.DateInferred);
        var where = page is null ? when : context.Format(lang, "date_and_page", when, page);
        return paper is null ? context.Format(lang, "source_printed", where) : context.Format(lang, "source", paper, where);
    }

    private CitedReport Cited(Report report, Translation translation, bool paired, string permalink) =>
        new(translation.Front.Byline ?? (paired ? report.Original.Front.Byline : null), translation.Title, paired ? translation.Front.Translator : null,
            Paper(report, translation.Lang), report.Date, report.DateInferred, report.Original.Front.Page, context.Site.Config.Title.In(translation.Lang), permalink);

    private static string Join(IEnumerable<Paragraph> paragraphs) => string.Join("\n", paragraphs.Select(p => p.Html));

    private List<NavLink> Labels(IEnumerable<string> keys, IReadOnlyDictionary<string, Localized> names, string lang, PageKind kind) =>
        [.. keys.Where(names.ContainsKey).Select(k => new NavLink(names[k].In(lang), context.Url(new Route(kind, lang, k)), false))];
}
