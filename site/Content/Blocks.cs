namespace ReportArchive.Content;

/// <summary>A block of a report's body: a paragraph of text or a figure.</summary>
public abstract record Block(int Line);

/// <summary>A paragraph: its HTML (already escaped, from Markdown) and its plain text (for hashes, search and excerpts).</summary>
public sealed record Paragraph(int Line, string Html, string Text) : Block(Line);

/// <summary>A photo alone in its paragraph, with the caption of the file's language.</summary>
public sealed record Figure(int Line, string Source, string Caption) : Block(Line)
{
    /// <summary>Who took or supplied the photo (记者 王明 摄, 新华社发), from the image's title: ![caption](photos/x.jpg "credit").</summary>
    public string? Credit { get; init; }
}

/// <summary>A translation slot not filled yet: the original text it is to translate (a paragraph, or a figure's Markdown).
/// Counted and checked, never published.</summary>
public sealed record Untranslated(int Line, string Original) : Block(Line)
{
    public bool IsFigure => Original.StartsWith("![", StringComparison.Ordinal);
}
