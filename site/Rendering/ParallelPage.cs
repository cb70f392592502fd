using ReportArchive.Content;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>The parallel reading page: each paragraph of the original beside its translation; a section whose paragraph counts
/// differ is paired as a whole; figures appear once, with both captions.</summary>
public sealed class ParallelPage(RenderContext context, ArticlePages articles)
{
    private int _figures;

    /// <summary>The page in the interface language <paramref name="lang"/> that pairs the original with <paramref name="translation"/>.</summary>
    public IEnumerable<RenderedPage> Render(Report report, string lang, Translation translation)
    {
        _figures = 0;
        var original = report.Original;
        var languages = context.Languages;
        var sections = new List<ParallelSection> { Section(report, "", null, original.Lead, translation.Lead) };
        foreach (var section in original.Sections)
        {
            var translated = translation.Section(section.Id);
            sections.Add(Section(report, section.Id, new ParallelText(section.Heading, translated?.Heading), section.Blocks, translated?.Blocks ?? []));
        }

        var route = Route.Parallel(lang, report, translation.Lang);
        var view = new ParallelView
        {
            Title = new ParallelText(original.Title, translation.Title),
            Subtitle = original.Front.Subtitle is null ? null : new ParallelText(original.Front.Subtitle, translation.Front.Subtitle),
            Byline = original.Front.Byline is null ? null : new ParallelText(original.Front.Byline, translation.Front.Byline),
            DateText = languages[lang].FormatDate(report.Date, report.DateInferred),
            DateIso = ArticlePages.DateIso(report),
            Modes = articles.Modes(report, lang, route),
            Sections = sections,
            OriginalLang = languages[original.Lang].Tag,
            TranslationLang = languages[translation.Lang].Tag,
            OriginalStandIn = context.S(original.Lang, "stand_in"),
            TranslationStandIn = context.S(translation.Lang, "stand_in"),
        };
        // The title in the interface's language when the pair has it, else the original's.
        var title = lang == translation.Lang ? translation.Title : original.Title;
        var meta = new PageMeta(route, $"{title} · {context.S(lang, "mode_parallel")} · {context.Site.Config.Title.In(lang)}",
            $"{original.Title} / {translation.Title}", "home", Modified: report.Date, Wide: true);
        return context.Page(meta, "parallel", view);
    }

    private ParallelSection Section(Report report, string id, ParallelText? heading, IReadOnlyList<Block> original, IReadOnlyList<Block> translated)
    {
        // A paragraph slot not translated yet keeps its place, so the paragraphs after it still pair; it shows as not translated.
        var (originalParagraphs, translatedParagraphs) = (original.OfType<Paragraph>().ToList(), translated.OfType<Paragraph>().ToList());
        var slots = translated.Where(b => b is Paragraph or Untranslated { IsFigure: false }).ToList();
        var aligned = originalParagraphs.Count == slots.Count;
        var rows = new List<ParallelRow>();
        if (!aligned)
        {
            rows.Add(new ParallelRow(Join(originalParagraphs), translatedParagraphs.Count == 0 ? null : Join(translatedParagraphs), null));
        }

        var index = 0;
        foreach (var block in original)
        {
            if (block is Paragraph p && aligned)
            {
                rows.Add(new ParallelRow(p.Html, (slots[index++] as Paragraph)?.Html, null));
            }
            else if (block is Figure f)
            {
                var caption = translated.OfType<Figure>().FirstOrDefault(e => e.Source == f.Source)?.Caption;
                rows.Add(new ParallelRow(null, null, articles.Figure(report, f, _figures++ == 0, caption)));
            }
        }

        return new ParallelSection(id, heading, aligned, rows);
    }

    private static string Join(IEnumerable<Paragraph> paragraphs) => string.Join("\n", paragraphs.Select(p => p.Html));
}
