using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>A <c>##</c> section of a report: its explicit id (the same in every language), heading and blocks.</summary>
public sealed record Section
{
    private readonly ImmutableArray<Block> _blocks;
    private readonly BlockSource? _source;
    private readonly int _index;

    public Section(string id, string heading, int line, ImmutableArray<Block> blocks) => (Id, Heading, Line, _blocks) = (id, heading, line, blocks);

    /// <summary>A section whose blocks are read from <paramref name="source"/> (its <paramref name="index"/>th) when first asked for.</summary>
    internal Section(string id, string heading, int line, BlockSource source, int index) => (Id, Heading, Line, _source, _index) = (id, heading, line, source, index);

    public string Id { get; init; }

    public string Heading { get; init; }

    public int Line { get; init; }

    public ImmutableArray<Block> Blocks
    {
        get => _source?.Section(_index) ?? _blocks;
        init => (_blocks, _source) = (value, null);
    }

    public IEnumerable<Paragraph> Paragraphs => Blocks.OfType<Paragraph>();

    public IEnumerable<Figure> Figures => Blocks.OfType<Figure>();
}
