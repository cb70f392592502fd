namespace ReportArchive.Import;

/// <summary>What a line of raw newspaper text turned out to be.</summary>
public enum RawKind
{
    Paragraph,
    Heading,
    Byline,
    Caption,
}

/// <summary>A non-empty line of the raw text, with the blank lines around it (wide gaps set captions apart on the page).</summary>
public sealed record RawBlock(string Text, int Line, int GapBefore, int GapAfter, RawKind Kind = RawKind.Paragraph);
