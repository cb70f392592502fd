using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Photos;

namespace ReportArchive.Rendering;

/// <summary>A report's pages: the article in each language it has, and, when translated, the parallel reading page in both languages.</summary>
public sealed class ArticlePages(RenderContext context)
{
    /// <summary>How wide a figure is drawn: the text column (42rem) on wide screens, the screen less its margins on narrow ones.</summary>
    private const string FigureSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)";

    public IEnumerable<RenderedPage> Render(Report report) => context.ForReport("pages", report, () => RenderUncached(report).ToList());

    private IEnumerable<RenderedPage> RenderUncached(Report report)
    {
        foreach (var lang in Languages.All.Where(l => report.In(l) is not null))
        {
            foreach (var item in Article(report, lang))
            {
                yield return item;
            }
        }

        if (report.En is not null)
        {
            foreach (var lang in Languages.All)
            {
                foreach (var item in new ParallelPage(context, this).Render(report, lang))
                {
                    yield return item;
                }
            }
        }
    }

    public static string ParallelPath(Report report, string lang) => report.PagePath(lang) + "parallel/";

    /// <summary>中文 / English / 对照: plain links between the reading modes of a translated report.</summary>
    public List<NavLink> Modes(Report report, string lang, string current) => report.En is null ? [] :
    [
        new("中文", context.Url(report.PagePath(Languages.Zh)), current == Languages.Zh, "zh-Hans"),
        new("English", context.Url(report.PagePath(Languages.En)), current == Languages.En, "en"),
        new(context.S(lang, "mode_parallel"), context.Url(ParallelPath(report, lang)), current == "parallel"),
    ];

    public FigureView Figure(Report report, Figure figure, bool first, string? otherCaption = null)
    {
        var photo = context.Photo(report, figure.Source);
        string Srcset(Func<PhotoVariant, string> path) => string.Join(", ", photo.Variants.Select(v => $"{context.Url(path(v))} {v.Width}w"));
        var fallback = photo.Variants.FirstOrDefault(v => v.Width >= 960) ?? photo.Largest;
        return new FigureView(context.Url(fallback.JpegPath), context.Url(photo.Largest.JpegPath), Srcset(v => v.JpegPath), Srcset(v => v.WebpPath),
            FigureSizes, photo.Width, photo.Height, photo.DominantColor, figure.Caption, photo.StandIn, first, otherCaption)
        { Credit = figure.Credit };
    }

    public object JsonLd(Report report, string lang)
    {
        var translation = report.In(lang)!;
        var images = translation.Figures.Select(f => context.Absolute(context.Photo(report, f.Source).Largest.JpegPath)).ToList();
        return Rendering.JsonLd.NewsArticle(context.Absolute(report.PagePath(lang)), translation.Title, translation.Front.Subtitle,
            DateIso(report), Languages.Tag(lang), translation.Front.Byline, images, context.Site.Config.Title.In(lang),
            lang == Languages.En ? context.Absolute(report.PagePath(Languages.Zh)) : null);
    }

    public static string DateIso(Report report) => report.DateInferred ? report.Date.ToString("yyyy-MM") : report.Date.ToString("yyyy-MM-dd");

    private IEnumerable<RenderedPage> Article(Report report, string lang)
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

            var view = Figure(report, (Figure)block, first);
            first = false;
            return new BlockView(null, view);
        }

        // Slots not translated yet are not published: the section shows what is translated and links to the original for the rest.
        var originalUrl = context.Url(report.PagePath(Languages.Zh));
        SectionView Part(string id, string heading, IReadOnlyList<Block> blocks) =>
            new(id, heading, [.. blocks.Where(b => b is not Untranslated).Select(View)],
                blocks.Any(b => b is Untranslated) ? originalUrl + (id.Length > 0 ? "#" + id : "") : null, blocks.Any(b => b is Untranslated));
        var lead = Part("", "", translation.Lead);
        var sections = report.Zh.Sections.Select(original => translation.Section(original.Id) is { } section
            ? Part(section.Id, section.Heading, section.Blocks)
            : new SectionView(original.Id, original.Heading, [], originalUrl + "#" + original.Id)).Prepend(lead).ToList();
        var view = new ArticleView(
            translation.Title,
            translation.Front.Subtitle,
            translation.Front.Byline,
            Dates.Format(report.Date, report.DateInferred, lang),
            DateIso(report),
            report.DateInferred,
            ReadingTime.Label(ReadingTime.Minutes(translation), lang),
            Modes(report, lang, lang),
            sections,
            Labels(report.Departments, context.Site.Taxonomy.Departments, lang, "departments"),
            Labels(report.Topics, context.Site.Taxonomy.Topics, lang, "topics"),
            other is null ? null : context.Url(report.PagePath(other.Lang)),
            Languages.Tag(Languages.Other(lang)))
        {
            Kicker = translation.Front.Kicker,
        };
        var description = translation.Lead.OfType<Paragraph>().FirstOrDefault() is { } leadParagraph ? Excerpts.Of(leadParagraph.Text, lang) : translation.Title;
        var image = translation.Figures.FirstOrDefault() is { } figure ? context.Photo(report, figure.Source).Largest.JpegPath : null;
        var meta = new PageMeta(report.PagePath(lang), lang, $"{translation.Title} · {context.Site.Config.Title.In(lang)}", description,
            context.Alternates(l => report.In(l) is null ? null : report.PagePath(l)), view.OtherLanguageUrl, "home",
            "article", image, JsonLd(report, lang), report.Date);
        return context.Page(meta, "article", view);
    }

    private List<NavLink> Labels(IEnumerable<string> keys, IReadOnlyDictionary<string, Bilingual> names, string lang, string group) =>
        [.. keys.Where(names.ContainsKey).Select(k => new NavLink(names[k].In(lang), context.Url($"{lang}/{group}/{k}/"), false))];
}
