using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>One language version of a report (its original or a translation), keyed by <see cref="Lang"/>, the language key.</summary>
/// <remarks>Taken from the content cache, its blocks (the lead's and each section's) are read from the cache's bytes the first time
/// they are asked for (<see cref="BlockSource"/>): a build that takes most pages as the last build made them never reads most
/// reports' text. Its front matter, sections' ids and headings, and figures are read at once.</remarks>
public sealed record Translation
{
    private readonly ImmutableArray<Block> _lead;
    private readonly BlockSource? _blocks;

    public Translation(string lang, string file, FrontMatter front, ImmutableArray<Block> lead, ImmutableArray<Section> sections)
    {
        (Lang, File, Front, _lead, Sections) = (lang, file, front, lead, sections);
        Figures = [.. lead.OfType<Figure>(), .. sections.SelectMany(s => s.Figures)];
    }

    /// <summary>A translation whose lead and sections' blocks are read from <paramref name="blocks"/> when first asked for.</summary>
    internal Translation(string lang, string file, FrontMatter front, ImmutableArray<Section> sections, ImmutableArray<Figure> figures, BlockSource blocks)
    {
        (Lang, File, Front, Sections, Figures, _blocks) = (lang, file, front, sections, figures, blocks);
    }

    public string Lang { get; init; }

    public string File { get; init; }

    public FrontMatter Front { get; init; }

    public ImmutableArray<Block> Lead
    {
        get => _blocks?.Lead ?? _lead;
        init => (_lead, _blocks) = (value, null);
    }

    public ImmutableArray<Section> Sections { get; init; }

    public string Title => Front.Title ?? "";

    /// <summary>The section with this id whose heading is written; a section whose heading is not translated yet is not published.</summary>
    public Section? Section(string id) => Sections.FirstOrDefault(s => s.Id == id && s.Heading.Length > 0);

    /// <summary>The translation slots not filled yet: blocks and section headings (the title is counted by its own check).</summary>
    public int UntranslatedSlots =>
        Lead.OfType<Untranslated>().Count() + Sections.Sum(s => s.Blocks.OfType<Untranslated>().Count() + (s.Heading.Length == 0 ? 1 : 0));

    public ImmutableArray<Figure> Figures { get; }
}
