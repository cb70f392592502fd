namespace ReportArchive.Import;

/// <summary>A report as the importer structured it, before review: what becomes <c>index.zh.md</c>.</summary>
public sealed record Draft(
    string Title,
    string? Subtitle,
    string? Byline,
    DateOnly Date,
    bool DateInferred,
    IReadOnlyList<DraftBlock> Lead,
    IReadOnlyList<DraftSection> Sections,
    IReadOnlyList<ImportWarning> Warnings)
{
    public IEnumerable<DraftBlock> Captions => Lead.Concat(Sections.SelectMany(s => s.Blocks)).Where(b => b.IsCaption);
}

/// <summary>A section of the draft: its heading, its id (ASCII, for the URL anchor) and its paragraphs and captions in order.</summary>
public sealed record DraftSection(string Id, string Heading, IReadOnlyList<DraftBlock> Blocks);

/// <summary>A paragraph, or a photo caption (which becomes a figure), with the line it started on in the raw text.</summary>
public sealed record DraftBlock(string Text, bool IsCaption, int SourceLine);

/// <summary>Something a reviewer should look at, with the raw text's line.</summary>
public sealed record ImportWarning(int Line, string Message);
