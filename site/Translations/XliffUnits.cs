using System.Text.RegularExpressions;

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
                    var caption = target is not null && Image().Match(target) is { Success: true } t ? t.Groups["caption"].Value : target;
                    units.Add(new TranslationUnit(id, original.Key, UnitKind.Caption, image.Groups["caption"].Value, caption, image.Groups["photo"].Value, i));
                }
                else
                {
                    units.Add(new TranslationUnit(id, original.Key, UnitKind.Paragraph, source, target, null, i));
                }
            }
        }

        return units;
    }

    /// <summary>Writes a target into the translation: a head field, a heading, or a slot's block (a caption as its figure).</summary>
    public static void Fill(TranslationDesk desk, TranslationUnit unit, string target)
    {
        switch (unit.Kind)
        {
            case UnitKind.Field:
                FrontMatterLines.Set(desk.Translation.Front, unit.Id[(unit.Part.Length + 1)..], OneLine(target));
                break;
            case UnitKind.Heading:
                desk.Translation.Part(unit.Part)!.SetHeading(OneLine(target).Replace("{", "\\{"));
                break;
            case UnitKind.Caption:
                desk.Translation.Part(unit.Part)!.Slots[unit.Slot].Text = $"![{OneLine(target).Replace("]", "\\]")}]({unit.Photo})";
                break;
            default:
                desk.Translation.Part(unit.Part)!.Slots[unit.Slot].Text = Block(target);
                break;
        }
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>A paragraph stays one paragraph of text: blank lines are closed up, and a line that Markdown would read as a
    /// heading, quote, list or comment is escaped.</summary>
    private static string Block(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines.Select(l => OrderedItem().IsMatch(l) ? OrderedItem().Replace(l, "$1\\$2", 1) : BlockStart().IsMatch(l) ? "\\" + l : l));
    }

    [GeneratedRegex(@"^!\[(?<caption>.*)\]\((?<photo>[^)]*)\)$", RegexOptions.Singleline)]
    private static partial Regex Image();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^([#>+*=-]|<!--|!\[)")]
    private static partial Regex BlockStart();

    [GeneratedRegex(@"^(\d+)([.)])")]
    private static partial Regex OrderedItem();
}
