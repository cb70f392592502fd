using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Rendering;

/// <summary>The parallel reading page: each Chinese paragraph beside its English one; a section whose paragraph counts differ is
/// paired as a whole; figures appear once, with both captions.</summary>
public sealed class ParallelPage(RenderContext context, ArticlePages articles)
{
    private int _figures;

    public IEnumerable<RenderedPage> Render(Report report, string lang)
    {
        _figures = 0;
        var (zh, en) = (report.Zh, report.En!);
        var sections = new List<ParallelSection> { Section(report, "", null, zh.Lead, en.Lead) };
        foreach (var original in zh.Sections)
        {
            var translated = en.Section(original.Id);
            sections.Add(Section(report, original.Id, new ParallelText(original.Heading, translated?.Heading), original.Blocks, translated?.Blocks ?? []));
        }

        var view = new ParallelView(
            new ParallelText(zh.Title, en.Title),
            zh.Front.Subtitle is null ? null : new ParallelText(zh.Front.Subtitle, en.Front.Subtitle),
            zh.Front.Byline is null ? null : new ParallelText(zh.Front.Byline, en.Front.Byline),
            Dates.Format(report.Date, report.DateInferred, lang),
            ArticlePages.DateIso(report),
            articles.Modes(report, lang, "parallel"),
            sections);
        var title = lang == Languages.Zh ? zh.Title : en.Title;
        var meta = new PageMeta(ArticlePages.ParallelPath(report, lang), lang, $"{title} · {context.S(lang, "mode_parallel")} · {context.Site.Config.Title.In(lang)}",
            $"{zh.Title} / {en.Title}", context.Alternates(l => ArticlePages.ParallelPath(report, l)),
            context.Url(ArticlePages.ParallelPath(report, Languages.Other(lang))), "home", Modified: report.Date, Wide: true);
        return context.Page(meta, "parallel", view);
    }

    private ParallelSection Section(Report report, string id, ParallelText? heading, IReadOnlyList<Block> zh, IReadOnlyList<Block> en)
    {
        // A paragraph slot not translated yet keeps its place, so the paragraphs after it still pair; it shows as not translated.
        var (zhParagraphs, enParagraphs) = (zh.OfType<Paragraph>().ToList(), en.OfType<Paragraph>().ToList());
        var enSlots = en.Where(b => b is Paragraph or Untranslated { IsFigure: false }).ToList();
        var aligned = zhParagraphs.Count == enSlots.Count;
        var rows = new List<ParallelRow>();
        if (!aligned)
        {
            rows.Add(new ParallelRow(Join(zhParagraphs), enParagraphs.Count == 0 ? null : Join(enParagraphs), null));
        }

        var index = 0;
        foreach (var block in zh)
        {
            if (block is Paragraph p && aligned)
            {
                rows.Add(new ParallelRow(p.Html, (enSlots[index++] as Paragraph)?.Html, null));
            }
            else if (block is Figure f)
            {
                var caption = en.OfType<Figure>().FirstOrDefault(e => e.Source == f.Source)?.Caption;
                rows.Add(new ParallelRow(null, null, articles.Figure(report, f, _figures++ == 0, caption)));
            }
        }

        return new ParallelSection(id, heading, aligned, rows);
    }

    private static string Join(IEnumerable<Paragraph> paragraphs) => string.Join("\n", paragraphs.Select(p => p.Html));
}
