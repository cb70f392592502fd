namespace ReportArchive.Import;

/// <summary>A report as the importer structured it, before review: what becomes <c>index.zh.md</c>.</summary>
public sealed record Draft(
    string? Kicker,
    string Title,
    string? Subtitle,
    string? Byline,
    DateOnly Date,
    bool DateInferred,
    IReadOnlyList<DraftBlock> Lead,
    IReadOnlyList<DraftSection> Sections,
    IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>The page label the page printed (第3版, A2), when it printed one.</summary>
    public string? Page { get; init; }

    /// <summary>The paper's name as its masthead printed it (济宁日报), when the page carried one.</summary>
    public string? Paper { get; init; }

    /// <summary>The page furniture taken out of the text, for the import's account.</summary>
    public IReadOnlyList<RemovedLine> Removed { get; init; } = [];

    public IEnumerable<DraftBlock> Captions => Lead.Concat(Sections.SelectMany(s => s.Blocks)).Where(b => b.IsCaption);
}

/// <summary>A section of the draft: its heading, its id (ASCII, for the URL anchor) and its paragraphs and captions in order.</summary>
public sealed record DraftSection(string Id, string Heading, IReadOnlyList<DraftBlock> Blocks);

/// <summary>A paragraph, or a photo caption (which becomes a figure), with the line it started on in the raw text.</summary>
public sealed record DraftBlock(string Text, bool IsCaption, int SourceLine)
{
    /// <summary>A caption's credit (记者 王明 摄, 新华社发, 资料图片), kept apart from the caption.</summary>
    public string? Credit { get; init; }
}

/// <summary>Something a reviewer should look at, with the raw text's line.</summary>
public sealed record ImportWarning(int Line, string Message);
