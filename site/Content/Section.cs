using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>A <c>##</c> section of a report: its explicit id (the same in every language), heading and blocks.</summary>
public sealed record Section(string Id, string Heading, int Line, ImmutableArray<Block> Blocks)
{
    public IEnumerable<Paragraph> Paragraphs => Blocks.OfType<Paragraph>();

    public IEnumerable<Figure> Figures => Blocks.OfType<Figure>();
}
