using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Import;

/// <summary>Writes a draft as the Markdown of <c>index.zh.md</c>, numbering its photos in reading order.</summary>
public static partial class DraftWriter
{
    public static string PhotoName(int number) => $"photos/photo-{number}.jpg";

    public static string ToMarkdown(Draft draft, string slug)
    {
        var md = new StringBuilder();
        md.Append("---\n");
        if (draft.Kicker is { } kicker)
        {
            md.Append($"kicker: {Quote(kicker)}\n");
        }

        md.Append($"title: {Quote(draft.Title)}\n");
        if (draft.Subtitle is { } subtitle)
        {
            md.Append($"subtitle: {Quote(subtitle)}\n");
        }

        md.Append($"date: {draft.Date:yyyy-MM-dd}\n");
        if (draft.DateInferred)
        {
            md.Append("date_inferred: true\n");
        }

        if (draft.Byline is { } byline)
        {
            md.Append($"byline: {Quote(byline)}\n");
        }

        if (draft.Page is { } page)
        {
            md.Append($"page: {Quote(page)}\n");
        }

        if (draft.Paper is { } paper)
        {
            md.Append($"paper: {Quote(paper)}\n");
        }

        md.Append("departments: []\ntopics: []\n");
        md.Append($"slug: {slug}\n---\n");

        var photo = 0;
        void Blocks(IEnumerable<DraftBlock> blocks)
        {
            foreach (var block in blocks)
            {
                md.Append('\n');
                md.Append(block.IsCaption ? $"![{EscapeCaption(block.Text)}]({PhotoName(++photo)}{(block.Credit is { } credit ? $" {Quote(credit)}" : "")})" : Escape(block.Text));
                md.Append('\n');
            }
        }

        Blocks(draft.Lead);
        foreach (var section in draft.Sections)
        {
            md.Append($"\n## {Escape(section.Heading)} {{#{section.Id}}}\n");
            Blocks(section.Blocks);
        }

        return md.ToString();
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    public static string Quote(string value) => Content.MarkdownText.Yaml(value);

    /// <summary>Escapes what Markdown would read as markup, so that the text stays text.</summary>
    public static string Escape(string text)
    {
        var escaped = MarkupCharacters().Replace(text, @"\$1");
        return ListStart().Replace(escaped, @"$1\$2");
    }

    private static string EscapeCaption(string text) => Escape(text).Replace("[", @"\[").Replace("]", @"\]");

    [GeneratedRegex(@"([\\`*_\[\]<>#|~{}])")]
    private static partial Regex MarkupCharacters();

    [GeneratedRegex(@"^(\d+)([.)])")]
    private static partial Regex ListStart();
}
