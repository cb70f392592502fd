using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>One language version of a report: the Chinese original or its English translation.</summary>
public sealed record Translation(
    string Lang,
    string File,
    FrontMatter Front,
    ImmutableArray<Block> Lead,
    ImmutableArray<Section> Sections)
{
    public string Title => Front.Title ?? "";

    public Section? Section(string id) => Sections.FirstOrDefault(s => s.Id == id);

    public IEnumerable<Figure> Figures => Lead.OfType<Figure>().Concat(Sections.SelectMany(s => s.Figures));
}
