namespace ReportArchive.Rendering;

// The typed models that the Liquid layouts see (member names reach them in snake_case).

/// <summary>What the shared page shell shows: head metadata, navigation, language switch, and the page's own content.</summary>
public sealed record LayoutView(
    string Lang,
    string HtmlLang,
    string PageTitle,
    string Description,
    string Canonical,
    IReadOnlyList<AlternateLink> Alternates,
    string Stylesheet,
    string Icon,
    string SiteTitle,
    string HomeUrl,
    string RootUrl,
    string FeedUrl,
    IReadOnlyList<NavLink> Nav,
    string? SwitchUrl,
    string SwitchLang,
    string SwitchHtmlLang,
    string OgType,
    string OgLocale,
    string OgLocaleAlternate,
    string? OgImage,
    string? JsonLd,
    string BodyClass,
    string Script,
    string? SearchScript,
    string? SearchUrl,
    string Content);

/// <summary>One <c>&lt;link rel="alternate" hreflang&gt;</c>.</summary>
public sealed record AlternateLink(string Hreflang, string Href);

/// <summary>A link in a navigation bar; <see cref="Current"/> marks the page the reader is on.</summary>
public sealed record NavLink(string Label, string Url, bool Current, string? HtmlLang = null);

/// <summary>A report's article page in one language; its first section is the lead (no heading).</summary>
public sealed record ArticleView(
    string Title,
    string? Subtitle,
    string? Byline,
    string DateText,
    string DateIso,
    bool DateInferred,
    string ReadingTime,
    IReadOnlyList<NavLink> Modes,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<NavLink> Departments,
    IReadOnlyList<NavLink> Topics,
    string? OtherLanguageUrl,
    string OtherHtmlLang)
{
    /// <summary>The kicker (引题) shown above the headline, when the paper printed one.</summary>
    public string? Kicker { get; init; }
}

/// <summary>A section as shown: when the translation lacks it, <see cref="OriginalUrl"/> links the original instead.</summary>
public sealed record SectionView(string Id, string Heading, IReadOnlyList<BlockView> Blocks, string? OriginalUrl, bool Partial = false);

/// <summary>A paragraph (pre-rendered, escaped HTML) or a figure.</summary>
public sealed record BlockView(string? Html, FigureView? Figure);

/// <summary>A photo with its caption in the page's language: the middle JPEG as fallback, the largest as link, every width in
/// <c>srcset</c>s for JPEG and WebP, and a placeholder colour for the time it loads. The first figure of a page loads at once.</summary>
public sealed record FigureView(string Src, string Largest, string JpegSrcset, string WebpSrcset, string Sizes, int Width, int Height,
    string Color, string Caption, bool StandIn, bool First, string? OtherCaption = null)
{
    /// <summary>Who took or supplied the photo, shown under it apart from the caption.</summary>
    public string? Credit { get; init; }
}

/// <summary>The parallel reading page: both languages side by side, paragraph by paragraph.</summary>
public sealed record ParallelView(
    ParallelText Title,
    ParallelText? Subtitle,
    ParallelText? Byline,
    string DateText,
    string DateIso,
    IReadOnlyList<NavLink> Modes,
    IReadOnlyList<ParallelSection> Sections);

/// <summary>The same text in both languages; <see cref="En"/> is null where the translation lacks it.</summary>
public sealed record ParallelText(string Zh, string? En);

/// <summary>A section of the parallel page; <see cref="Aligned"/> is false when its paragraph counts differ and it is paired whole.</summary>
public sealed record ParallelSection(string Id, ParallelText? Heading, bool Aligned, IReadOnlyList<ParallelRow> Rows);

/// <summary>One row: a Chinese block beside its English one (HTML), or a figure with both captions.</summary>
public sealed record ParallelRow(string? ZhHtml, string? EnHtml, FigureView? Figure);

/// <summary>A list of reports (a home page, a year, a department, a topic), one page of it.</summary>
public sealed record ListView(string Heading, string? Intro, IReadOnlyList<ReportItem> Reports, Pagination? Pagination, IReadOnlyList<NavLink> Sections);

/// <summary>Links between the pages of a long list.</summary>
public sealed record Pagination(string? Newer, string? Older, IReadOnlyList<PageLink> Pages);

/// <summary>A page of a long list as its neighbours link to it; without a <see cref="Url"/> it stands for the pages left out.</summary>
public sealed record PageLink(string Label, string? Url, bool Current);

/// <summary>A report in a list: in the list's language, or marked as available only in Chinese.</summary>
public sealed record ReportItem(string Title, string? Subtitle, string Url, string DateText, string DateIso, string? Excerpt,
    string ReadingTime, bool OtherLanguageOnly, string HtmlLang);

/// <summary>An index of groups (years, departments, topics) with the number of reports in each.</summary>
public sealed record IndexView(string Heading, IReadOnlyList<IndexEntry> Entries, IReadOnlyList<NavLink> Sections);

/// <summary>A group in an index.</summary>
public sealed record IndexEntry(string Label, string Url, int Count);

/// <summary>The root page and the 404 page, which speak both languages.</summary>
public sealed record BilingualView(string ZhTitle, string EnTitle, string ZhUrl, string EnUrl, string Stylesheet, string Icon, string Canonical,
    IReadOnlyList<AlternateLink> Alternates, IDictionary<string, object> Zh, IDictionary<string, object> En);

/// <summary>The search page: its form's target, the index's folder, and the choices of its filters.</summary>
public sealed record SearchView(string Heading, string Action, string IndexUrl, IReadOnlyList<string> Years, IReadOnlyList<Choice> Departments,
    string ZhName, string EnName, string ZhLead, string EnLead);

/// <summary>An option of a filter: the value sent and the label shown.</summary>
public sealed record Choice(string Key, string Label);
