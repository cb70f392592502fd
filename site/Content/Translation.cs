using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>One language version of a report (its original or a translation), keyed by <see cref="Lang"/>, the language key.</summary>
public sealed record Translation(
    string Lang,
    string File,
    FrontMatter Front,
    ImmutableArray<Block> Lead,
    ImmutableArray<Section> Sections)
{
    public string Title => Front.Title ?? "";

    /// <summary>The section with this id whose heading is written; a section whose heading is not translated yet is not published.</summary>
    public Section? Section(string id) => Sections.FirstOrDefault(s => s.Id == id && s.Heading.Length > 0);

    /// <summary>The translation slots not filled yet: blocks and section headings (the title is counted by its own check).</summary>
    public int UntranslatedSlots =>
        Lead.OfType<Untranslated>().Count() + Sections.Sum(s => s.Blocks.OfType<Untranslated>().Count() + (s.Heading.Length == 0 ? 1 : 0));

    public ImmutableArray<Figure> Figures { get; } = [.. Lead.OfType<Figure>(), .. Sections.SelectMany(s => s.Figures)];
}
