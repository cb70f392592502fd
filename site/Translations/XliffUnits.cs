using System.Text.RegularExpressions;
using Markdig.Syntax;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>What a unit of exchange with translators' tools stands for: a head field, a heading, a paragraph or a caption.</summary>
public enum UnitKind
{
    Field,
    Heading,
    Paragraph,
    Caption,
}

/// <summary>One unit: its id (<c>head.title</c>, <c>head.2</c>, <c>procuratorate.heading</c>, <c>procuratorate.3</c>), the part it
/// belongs to, the original text, the translation written so far (null when none), and for a caption its photo.</summary>
public sealed record TranslationUnit(string Id, string Part, UnitKind Kind, string Source, string? Target, string? Photo, int Slot);

/// <summary>The units of a report on the desk, in the original's order: what <c>xliff export</c> writes and <c>xliff import</c> fills.</summary>
public static partial class XliffUnits
{
    public static List<TranslationUnit> Of(TranslationDesk desk)
    {
        var units = new List<TranslationUnit>();
        foreach (var (key, value) in desk.OriginalFields)
        {
            var written = FrontMatterLines.Value(desk.Translation.Front, key);
            units.Add(new TranslationUnit($"{TranslationHashes.HeadKey}.{key}", TranslationHashes.HeadKey, UnitKind.Field, value,
                string.IsNullOrEmpty(written) ? null : written, null, -1));
        }

        foreach (var original in desk.OriginalParts)
        {
            var part = desk.Translation.Part(original.Key);
            if (!original.IsHead)
            {
                units.Add(new TranslationUnit($"{original.Key}.heading", original.Key, UnitKind.Heading, original.HeadingText,
                    part is { HeadingText.Length: > 0 } ? part.HeadingText : null, null, -1));
            }

            for (var i = 0; i < original.Slots.Count; i++)
            {
                var source = original.Slots[i].Text ?? "";
                var target = part is not null && i < part.Slots.Count ? part.Slots[i].Text : null;
                var id = $"{original.Key}.{i + 1}";
                if (Image().Match(source) is { Success: true } image)
                {
                    var caption = target is not null && Image().IsMatch(target) ? Plain(target) : target;
                    units.Add(new TranslationUnit(id, original.Key, UnitKind.Caption, Plain(source), caption, image.Groups["photo"].Value, i));
                }
                else
                {
                    units.Add(new TranslationUnit(id, original.Key, UnitKind.Paragraph, Plain(source), target is null ? null : Plain(target), null, i));
                }
            }
        }

        return units;
    }

    /// <summary>The text a reader sees of a slot's Markdown when it is one paragraph (a figure's: its caption), which is what a
    /// unit carries; the Markdown as written otherwise (a list, a quote).</summary>
    private static string Plain(string markdown) =>
        Markdig.Markdown.Parse(markdown, MarkdownReader.Pipeline) is [ParagraphBlock { Inline: { } inline }]
            ? MarkdownReader.PlainText(inline).Trim()
            : markdown;

    /// <summary>Writes a target into the translation as text, whatever it holds (<see cref="MarkdownText"/>): a head field, a
    /// heading, or a slot's block (a caption as its figure). A target given back as it was exported leaves the slot as written
    /// (its emphasis and links kept).</summary>
    public static void Fill(TranslationDesk desk, TranslationUnit unit, string target)
    {
        if (target == unit.Target)
        {
            return;
        }

        switch (unit.Kind)
        {
            case UnitKind.Field:
                FrontMatterLines.Set(desk.Translation.Front, unit.Id[(unit.Part.Length + 1)..], MarkdownText.OneLine(target));
                break;
            case UnitKind.Heading:
                desk.Translation.Part(unit.Part)!.SetHeading(target);
                break;
            case UnitKind.Caption:
                desk.Translation.Part(unit.Part)!.Slots[unit.Slot].Text = $"![{MarkdownText.Inline(target)}]({unit.Photo})";
                break;
            default:
                desk.Translation.Part(unit.Part)!.Slots[unit.Slot].Text = MarkdownText.Paragraph(target);
                break;
        }
    }

    [GeneratedRegex(@"^!\[(?<caption>.*)\]\((?<photo>[^)]*)\)$", RegexOptions.Singleline)]
    private static partial Regex Image();

}
