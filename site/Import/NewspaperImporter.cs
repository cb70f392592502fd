using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Import;

/// <summary>Structures raw newspaper text as a person who reads Chinese would: headline and subtitle, the byline lifted out,
/// the lead, sections, paragraphs re-joined across page breaks, punctuation made full-width, captions placed where they belong.</summary>
public static partial class NewspaperImporter
{
    /// <summary>How many blocks of text below the headline a byline may stand (layouts put it before or after the first heading).</summary>
    private const int BylineReach = 4;

    /// <summary>The one report of a page's text (a page with several gives its first: see <see cref="ImportAll"/>).</summary>
    public static Draft Import(string text, DateOnly? date = null) => ImportAll(text, date)[0];

    /// <summary>Every report of a page's text, in the order the page prints them; the furniture is listed with the first.</summary>
    public static List<Draft> ImportAll(string text, DateOnly? date = null)
    {
        Chinese.RequireChinese(text);
        var (clean, removed, facts) = PageFurniture.Strip(text);
        // The date: given, or printed on the page, or else inferred once from the whole page's text.
        var printed = date ?? facts.Date;
        var inferred = printed is null ? InferDate(text) : (DateOnly?)null;
        // The reports of a page are read on every core, in the page's order.
        List<Draft> drafts;
        try
        {
            drafts = PageLayout.Reports(PageLayout.Unwrap(clean)).AsParallel().AsOrdered()
                .Select(part => Read(part.Text, part.LinesBefore, printed, inferred, facts)).ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ImportException>().FirstOrDefault() is { } problem)
        {
            throw problem; // a report of the page that cannot be imported: say why, as for a page of one report
        }

        drafts[0] = drafts[0] with { Removed = removed };
        return drafts;
    }

    private static Draft Read(string clean, int linesBefore, DateOnly? printed, DateOnly? inferred, PageFacts facts)
    {
        var blocks = BlockClassifier.Split(clean, linesBefore);
        if (blocks.Count < 2 || !blocks.Any(b => b.Text.Length > 40 || BlockClassifier.EndsComplete(b.Text)))
        {
            throw new ImportException("the text has no body: expected a headline line, then paragraphs separated by blank lines");
        }

        var warnings = new List<ImportWarning>();
        var (kicker, title, subtitle, headlineBlocks) = Headline(blocks);
        var body = new List<RawBlock>();
        var textBlocks = 0; // captions set near the top do not push the byline out of reach
        foreach (var raw in blocks.Skip(headlineBlocks))
        {
            var block = raw with { Text = Punctuation.Normalize(raw.Text) };
            block = block with { Kind = BlockClassifier.Classify(block, textBlocks < BylineReach) };
            textBlocks += block.Kind == RawKind.Caption ? 0 : 1;
            body.Add(block);
        }


        var bylineIndex = body.FindIndex(b => b.Kind == RawKind.Byline);
        var byline = bylineIndex >= 0 ? Regex.Replace(body[bylineIndex].Text.TrimStart('□', '■', '●', '◆', '◇', ' ', '\u3000'), @"[\s\u3000]+", " ") : null;
        var leadStart = bylineIndex >= 0 && bylineIndex + 1 < body.Count && body[bylineIndex + 1].Kind == RawKind.Paragraph ? body[bylineIndex + 1] : null;
        body.RemoveAll(b => b.Kind == RawKind.Byline);

        var joined = JoinPageBreaks(body, warnings);
        var (lead, sections) = Group(joined, leadStart);
        // No byline line: the dateline at the head of the first paragraph may carry it, in brackets.
        byline ??= lead.Concat(sections.SelectMany(s => s.Blocks)).FirstOrDefault(b => !b.IsCaption) is { } first ? BlockClassifier.DatelineByline(first.Text) : null;
        if (sections.Count == 0 && lead.Count == 0)
        {
            throw new ImportException("the text has no paragraphs to import");
        }

        var placed = CaptionPlacer.Place(lead, sections);
        if (inferred is { } guess)
        {
            warnings.Add(new ImportWarning(1, $"the date {guess:yyyy-MM} is inferred from the years and months the text names: confirm it"));
        }

        return new Draft(kicker, title, subtitle, byline, printed ?? inferred!.Value, printed is null, placed.Lead, placed.Sections, warnings)
        {
            Page = facts.Page,
            Paper = facts.Paper,
        };
    }

    /// <summary>The headline block: the main headline (主题), with a kicker (引题) above it when the line above is shorter than it, and
    /// a subtitle (副题) below it when that line starts with a dash, or after a space on the headline's own line (the seed's form).</summary>
    private static (string? Kicker, string Title, string? Subtitle, int Blocks) Headline(List<RawBlock> blocks)
    {
        string Line(int i) => Punctuation.Normalize(blocks[i].Text);
        bool IsDash(int i) => i < blocks.Count && Line(i).StartsWith("—", StringComparison.Ordinal);
        string Undash(int i) => Line(i).TrimStart('—', '-', ' ', '　');
        bool HeadlineLike(int i) => i < blocks.Count && blocks[i].Text.Length <= 40 && !BlockClassifier.EndsComplete(blocks[i].Text)
            && BlockClassifier.Classify(blocks[i], true) is RawKind.Heading;

        if (IsDash(1))
        {
            return (null, Line(0), Undash(1), 2);
        }

        if (HeadlineLike(0) && HeadlineLike(1) && blocks[1].Text.Length > blocks[0].Text.Length)
        {
            return IsDash(2) ? (Line(0), Line(1), Undash(2), 3) : (Line(0), Line(1), null, 2);
        }

        var (title, subtitle) = SplitHeadline(Line(0));
        return (null, title, subtitle, 1);
    }

    /// <summary>The first line holds the headline and, after a space, the subtitle. A full-width space is typography inside one
    /// headline (两句并列的标题), not a break between headline and subtitle.</summary>
    private static (string Title, string? Subtitle) SplitHeadline(string line)
    {
        var parts = Regex.Split(line, @"[ \t]+", RegexOptions.None, TimeSpan.FromSeconds(1));
        return parts.Length == 1 ? (line, null) : (parts[0], string.Join(" ", parts[1..]));
    }

    /// <summary>A paragraph cut by a page break continues in the next paragraph, even across a caption set between them;
    /// one that ends without punctuation but is followed by a quotation is whole, only missing its full stop.</summary>
    private static List<RawBlock> JoinPageBreaks(List<RawBlock> body, List<ImportWarning> warnings)
    {
        var result = new List<RawBlock>();
        int? open = null;
        foreach (var block in body)
        {
            if (open is { } at && block.Kind == RawKind.Paragraph && !BlockClassifier.StartsWithQuote(block.Text))
            {
                result[at] = result[at] with { Text = result[at].Text + block.Text };
                open = BlockClassifier.EndsComplete(result[at].Text) ? null : at;
                continue;
            }

            if (block.Kind == RawKind.Caption)
            {
                result.Add(block);
                continue;
            }

            if (open is { } unfinished)
            {
                warnings.Add(new ImportWarning(result[unfinished].Line, "this paragraph ends without a full stop: check it"));
            }

            result.Add(block);
            open = block.Kind == RawKind.Paragraph && !BlockClassifier.EndsComplete(block.Text) ? result.Count - 1 : null;
        }

        if (open is { } last)
        {
            warnings.Add(new ImportWarning(result[last].Line, "the text ends inside this paragraph: check that nothing is missing"));
        }

        return result;
    }

    /// <summary>Paragraphs before the first heading, and the one after the byline wherever the layout put it, form the lead.</summary>
    private static (List<DraftBlock> Lead, List<DraftSection> Sections) Group(List<RawBlock> blocks, RawBlock? leadStart)
    {
        var lead = new List<DraftBlock>();
        var sections = new List<(string Heading, List<DraftBlock> Blocks)>();
        foreach (var block in blocks)
        {
            if (block.Kind == RawKind.Heading)
            {
                sections.Add((BlockClassifier.Unmarked(block.Text), []));
                continue;
            }

            var (text, credit) = block.Kind == RawKind.Caption ? BlockClassifier.SplitCredit(block.Text) : (block.Text, null);
            var draft = new DraftBlock(text, block.Kind == RawKind.Caption, block.Line) { Credit = credit };
            var isLead = leadStart is not null && block.Line == leadStart.Line;
            (sections.Count == 0 || isLead ? lead : sections[^1].Blocks).Add(draft);
        }

        return (lead, [.. sections.Select((s, i) => new DraftSection($"section-{i + 1}", s.Heading, s.Blocks))]);
    }

    /// <summary>The latest year the text names, and the latest month it names, marked as inferred.</summary>
    private static DateOnly InferDate(string text)
    {
        var years = YearPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .Where(y => y >= 1949 && y <= DateTime.UtcNow.Year).ToList();
        if (years.Count == 0)
        {
            throw new ImportException("the text names no year to date it by: give the date with --date yyyy-MM-dd");
        }

        var months = MonthPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Where(m => m is >= 1 and <= 12).ToList();
        return new DateOnly(years.Max(), months.Count > 0 ? months.Max() : 1, 1);
    }

    [GeneratedRegex(@"((?:19|20)\d\d)年")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?<!\d)(\d{1,2})月")]
    private static partial Regex MonthPattern();
}
