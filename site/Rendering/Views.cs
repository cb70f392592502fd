namespace ReportArchive.Rendering;

// The typed models that the Liquid layouts see (member names reach them in snake_case).

/// <summary>What the shared page shell shows: head links, language switch, navigation, and the page's own content.</summary>
public sealed record LayoutView(
    string Lang,
    string HtmlLang,
    string PageTitle,
    string Description,
    string Canonical,
    IReadOnlyList<AlternateLink> Alternates,
    string Stylesheet,
    string HomeUrl,
    string RootUrl,
    string SiteTitle,
    string? SwitchUrl,
    string SwitchLang,
    string SwitchHtmlLang,
    string Content);

/// <summary>One <c>&lt;link rel="alternate" hreflang&gt;</c>.</summary>
public sealed record AlternateLink(string Hreflang, string Href);

/// <summary>A report's article page in one language; its first section is the lead (no heading).</summary>
public sealed record ArticleView(
    string Title,
    string? Subtitle,
    string? Byline,
    string DateText,
    string DateIso,
    bool DateInferred,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> Topics,
    string? OtherLanguageUrl,
    string OtherHtmlLang);

/// <summary>A section as shown: when the translation lacks it, <see cref="OriginalUrl"/> links the original instead.</summary>
public sealed record SectionView(string Id, string Heading, IReadOnlyList<BlockView> Blocks, string? OriginalUrl);

/// <summary>A paragraph (pre-rendered, escaped HTML) or a figure.</summary>
public sealed record BlockView(string? Html, FigureView? Figure);

/// <summary>A photo with its caption in the page's language: the largest JPEG as fallback and link, every width in
/// <c>srcset</c>s for JPEG and WebP, and a placeholder colour for the time it loads. The first figure of a page loads at once.</summary>
public sealed record FigureView(string Src, string Largest, string JpegSrcset, string WebpSrcset, string Sizes, int Width, int Height,
    string Color, string Caption, bool StandIn, bool First);

/// <summary>A language's home page: the reports, latest first.</summary>
public sealed record HomeView(string Heading, string Intro, IReadOnlyList<ReportItem> Reports);

/// <summary>A report in a list: in the list's language, or marked as available only in the other one.</summary>
public sealed record ReportItem(string Title, string? Subtitle, string Url, string DateText, string DateIso, string? Excerpt, bool OtherLanguageOnly, string HtmlLang);

/// <summary>The root page, which offers both languages.</summary>
public sealed record RootView(string ZhTitle, string EnTitle, string ZhUrl, string EnUrl, string Stylesheet, string Canonical,
    IReadOnlyList<AlternateLink> Alternates, IDictionary<string, object> Zh, IDictionary<string, object> En);
