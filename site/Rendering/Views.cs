namespace ReportArchive.Rendering;

// The typed models that the Liquid layouts see (member names reach them in snake_case). Every member a layout uses is checked
// against these types when the theme is loaded (TemplateCheck), so that a misspelt member is an error, not an empty string.

/// <summary>What the shared page shell shows: head metadata, navigation, language switch, and the page's own content.</summary>
public sealed record LayoutView
{
    public required string HtmlLang { get; init; }

    public required string PageTitle { get; init; }

    public required string Description { get; init; }

    public required string Canonical { get; init; }

    public required IReadOnlyList<AlternateLink> Alternates { get; init; }

    public required string Stylesheet { get; init; }

    public required string Icon { get; init; }

    public required string Script { get; init; }

    /// <summary>The search script and stylesheet, on the search page only.</summary>
    public string? SearchScript { get; init; }

    public string? SearchStylesheet { get; init; }

    /// <summary>The search script, on an article, where site.js loads it to mark the words a search result was found by.</summary>
    public string? MarksScript { get; init; }

    public required string SiteTitle { get; init; }

    public required string HomeUrl { get; init; }

    public required string RootUrl { get; init; }

    public required string FeedUrl { get; init; }

    public required IReadOnlyList<NavLink> Nav { get; init; }

    /// <summary>The same page in each other language that has it.</summary>
    public required IReadOnlyList<NavLink> Switches { get; init; }

    /// <summary>Where the header's search box sends its query; none on the search page itself.</summary>
    public string? SearchUrl { get; init; }

    public required string OgType { get; init; }

    public required string OgLocale { get; init; }

    public required IReadOnlyList<string> OgLocaleAlternates { get; init; }

    public string? OgImage { get; init; }

    public string? JsonLd { get; init; }

    public required string Content { get; init; }
}

/// <summary>One <c>&lt;link rel="alternate" hreflang&gt;</c>.</summary>
public sealed record AlternateLink(string Hreflang, string Href);

/// <summary>A link in a navigation bar; <see cref="Current"/> marks the page the reader is on; <see cref="HtmlLang"/> is set
/// when the link's label is in another language than the page.</summary>
public sealed record NavLink(string Label, string Url, bool Current, string? HtmlLang = null);

/// <summary>A report's article page in one language; its first section is the lead (no heading).</summary>
public sealed record ArticleView
{
    public string? Kicker { get; init; }

    public required string Title { get; init; }

    public string? Subtitle { get; init; }

    public string? Byline { get; init; }

    public required string DateText { get; init; }

    public required string DateIso { get; init; }

    public required bool DateInferred { get; init; }

    public required string ReadingTime { get; init; }

    /// <summary>Each language the report is published in, and its parallel reading modes.</summary>
    public required IReadOnlyList<NavLink> Modes { get; init; }

    public required IReadOnlyList<SectionView> Sections { get; init; }

    public required IReadOnlyList<NavLink> Departments { get; init; }

    public required IReadOnlyList<NavLink> Topics { get; init; }

    /// <summary>The original's page when no translation of the report is published yet.</summary>
    public required bool Untranslated { get; init; }

    /// <summary>The original's language tag, for links to parts not translated yet and for the original's text in parallel mode.</summary>
    public required string OriginalLang { get; init; }

    /// <summary>A translation's page carries the original beside it, hidden until the reader asks for the parallel mode
    /// (<c>#parallel</c>, or <c>#parallel-</c> and a section's id): its title, subtitle and byline here, its headings and
    /// paragraphs in the sections.</summary>
    public ParallelHeader? Original { get; init; }

    /// <summary>Whether the contents are shown unfolded: they are folded when they are long, so that the story leads on a phone.</summary>
    public required bool TocOpen { get; init; }

    /// <summary>How many sections the contents list, as the page's language says it; none when the report has no sections.</summary>
    public string? TocCount { get; init; }

    /// <summary>Where the report was first published (paper, date, page), as a sentence in the page's language.</summary>
    public string? Source { get; init; }

    /// <summary>Who translated the report, as a sentence in the page's language.</summary>
    public string? Translator { get; init; }

    /// <summary>The report cited as its language's readers cite (GB/T 7714-2015 in Chinese, Chicago in English), with its address.</summary>
    public required string Citation { get; init; }

    /// <summary>The page's permanent, absolute address.</summary>
    public required string Permalink { get; init; }

    /// <summary>The next newer and next older report of the archive.</summary>
    public ReportLink? Newer { get; init; }

    public ReportLink? Older { get; init; }

    /// <summary>Reports that share the most departments and topics with this one, the nearest in time first among equals.</summary>
    public required IReadOnlyList<ReportLink> Related { get; init; }
}

/// <summary>Another report as an article links to it: in the page's language when it has it, else in the original, marked so.</summary>
public sealed record ReportLink(string Title, string Url, string DateText, string DateIso, bool OriginalOnly, string HtmlLang);

/// <summary>The original's title, subtitle and byline, and how it labels a stand-in photo, as a translation's page carries them.</summary>
public sealed record ParallelHeader(string Title, string? Subtitle, string? Byline, string StandIn);

/// <summary>A section as shown: when the translation lacks it, <see cref="OriginalUrl"/> links the original instead.</summary>
public sealed record SectionView(string Id, string Heading, IReadOnlyList<BlockView> Blocks, string? OriginalUrl, bool Partial = false)
{
    /// <summary>On a translation's page, the original's heading (parallel mode).</summary>
    public string? OriginalHeading { get; init; }

    /// <summary>A draft translation (<c>drafts:</c>), shown because the site labels drafts: the page says so above it.</summary>
    public bool Draft { get; init; }

    /// <summary>On a translation's page, the original's paragraphs together, when they cannot be paired one by one (the
    /// paragraph counts differ, or the section is not translated): parallel mode shows them beside the section as a whole.</summary>
    public string? OriginalWhole { get; init; }
}

/// <summary>A paragraph (pre-rendered, escaped HTML) or a figure; on a translation's page, <see cref="Original"/> is the
/// original's paragraph paired with it, and <see cref="Html"/> is null for a paragraph not translated yet.</summary>
public sealed record BlockView(string? Html, FigureView? Figure)
{
    public string? Original { get; init; }
}

/// <summary>A photo with its caption in the page's language: every width as WebP in a <c>srcset</c>, the one JPEG as the image
/// of browsers without WebP, the largest WebP as link, and a placeholder colour for the time it loads. The first figure of a
/// page loads at once.</summary>
public sealed record FigureView(string Src, string Largest, string WebpSrcset, string Sizes, int Width, int Height,
    string Color, string Caption, bool StandIn, bool First, string? OriginalCaption = null)
{
    /// <summary>Who took or supplied the photo, shown under it apart from the caption.</summary>
    public string? Credit { get; init; }
}

/// <summary>A page that has moved: a parallel reading page's old address, which sends the reader to the translation's page
/// in its parallel mode.</summary>
public sealed record MovedView
{
    public required string HtmlLang { get; init; }

    public required string Title { get; init; }

    /// <summary>The new address, under the site's base path (so that a preview or a copy of the site sends the reader within itself).</summary>
    public required string Url { get; init; }

    /// <summary>The new address, absolute.</summary>
    public required string Canonical { get; init; }

    /// <summary>The site's icon, named so that a browser does not ask the host's root for one (outside a project site).</summary>
    public required string Icon { get; init; }
}

/// <summary>A list of reports (a home page, a year, a department, a topic), one page of it.</summary>
public sealed record ListView(string Heading, string? Intro, IReadOnlyList<ReportItem> Reports, Pagination? Pagination, IReadOnlyList<NavLink> Sections);

/// <summary>Links between the pages of a long list.</summary>
public sealed record Pagination(string? Newer, string? Older, IReadOnlyList<PageLink> Pages);

/// <summary>A page of a long list as its neighbours link to it; without a <see cref="Url"/> it stands for the pages left out.</summary>
public sealed record PageLink(string Label, string? Url, bool Current);

/// <summary>A report in a list: in the list's language, or in the original, marked so.</summary>
public sealed record ReportItem(string Title, string? Subtitle, string Url, string DateText, string DateIso, string? Excerpt,
    string ReadingTime, bool OriginalOnly, string HtmlLang)
{
    /// <summary>The report's kicker, or else its first department: what it is about, above its title.</summary>
    public string? Label { get; init; }

    /// <summary>A small picture of the report's first photo, if it has one.</summary>
    public Thumb? Thumb { get; init; }
}

/// <summary>A report's first photo as a list shows it, small: its smallest WebP width, and the JPEG for browsers without WebP.</summary>
public sealed record Thumb(string Webp, int WebpWidth, string Jpeg, string Color);

/// <summary>An index of groups (years, departments, topics) with the number of reports in each.</summary>
public sealed record IndexView(string Heading, IReadOnlyList<IndexEntry> Entries, IReadOnlyList<NavLink> Sections);

/// <summary>A group in an index.</summary>
public sealed record IndexEntry(string Label, string Url, int Count);

/// <summary>The root page and the 404 page, which speak every language at once, the original first.</summary>
public sealed record ChooserView
{
    public required string HtmlLang { get; init; }

    public required string Stylesheet { get; init; }

    public required string Icon { get; init; }

    public required string Canonical { get; init; }

    public required IReadOnlyList<AlternateLink> Alternates { get; init; }

    public required IReadOnlyList<ChooserLanguage> Languages { get; init; }

    /// <summary>Which home page a browser language goes to, the longest prefixes first.</summary>
    public required IReadOnlyList<BrowserMatch> Matches { get; init; }
}

/// <summary>A language as the chooser offers it: its home page, its name, the site's title and the interface strings in it.</summary>
public sealed record ChooserLanguage(string Url, string HtmlLang, string Name, string Title, IReadOnlyDictionary<string, object> T);

/// <summary>A browser language prefix (lower case) and the home page it leads to.</summary>
public sealed record BrowserMatch(string Prefix, string Url);

/// <summary>The search page: its form's target, the index's folder, the choices of its filters, and the archives to browse
/// instead (without scripts, or in a browser that lacks what search needs).</summary>
public sealed record SearchView(string Heading, string Action, string IndexUrl, IReadOnlyList<string> Years, IReadOnlyList<Choice> Departments,
    IReadOnlyList<SearchLanguage> Languages, IReadOnlyList<NavLink> Browse);

/// <summary>A language as search results name it: its key (as the index stores it), tag, name, the label of a report's head, and
/// how many characters of a passage an excerpt shows (fewer for a language written without spaces, whose characters are wider).</summary>
public sealed record SearchLanguage(string Key, string HtmlLang, string Name, string Lead, int Excerpt);

/// <summary>An option of a filter: the value sent and the label shown.</summary>
public sealed record Choice(string Key, string Label);
