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
public sealed record TranslationUnit(string Id, string Part, UnitKind Kind, string Source, string? Target, string? Photo, int Slot)
{
    /// <summary>The source as it was when the part was last stamped, when it changed since (the part is stale); null otherwise.</summary>
    public string? Previous { get; init; }

    /// <summary>A paragraph's source with its inline markup as codes; null for other units (their text is plain).</summary>
    public CodedText? SourceCoded { get; init; }

    /// <summary>A paragraph's translation so far with its inline markup as codes, in the ids of the source's where they match.</summary>
    public CodedText? TargetCoded { get; init; }

    /// <summary>The codes a target of this unit must give back: those of the translation exported with it, or the source's.</summary>
    public IReadOnlyList<InlineCode> Codes => TargetCoded?.Codes ?? SourceCoded?.Codes ?? [];
}

/// <summary>The units of a report on the desk, in the original's order: what <c>xliff export</c> writes and <c>xliff import</c> fills.</summary>
public static partial class XliffUnits
{
    public static List<TranslationUnit> Of(TranslationDesk desk)
    {
        var units = new List<TranslationUnit>();
        var stale = TranslationCoverage.Of(desk.Report.Original, desk.Report.FileIn(desk.Target.Key)).Parts
            .Where(p => p.State == PartState.Stale).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        BasisPart? Was(string part) => stale.Contains(part) ? desk.Basis.Parts.GetValueOrDefault(part) : null;
        foreach (var (key, value) in desk.OriginalFields)
        {
            var written = FrontMatterLines.Value(desk.Translation.Front, key);
            var before = Was(TranslationHashes.HeadKey)?.Fields.FirstOrDefault(f => f.Key == key).Value;
            units.Add(new TranslationUnit($"{TranslationHashes.HeadKey}.{key}", TranslationHashes.HeadKey, UnitKind.Field, value,
                string.IsNullOrEmpty(written) ? null : written, null, -1) { Previous = Changed(before, value) });
        }

        foreach (var original in desk.OriginalParts)
        {
            var part = desk.Translation.Part(original.Key);
            var was = Was(original.Key);
            var alignment = was is null ? null : ChangedText.Align(was.Blocks, [.. original.Slots.Select(s => s.Text ?? "")]);
            if (!original.IsHead)
            {
                units.Add(new TranslationUnit($"{original.Key}.heading", original.Key, UnitKind.Heading, original.HeadingText,
                    part is { HeadingText.Length: > 0 } ? part.HeadingText : null, null, -1) { Previous = Changed(was?.Heading, original.HeadingText) });
            }

            for (var i = 0; i < original.Slots.Count; i++)
            {
                var before = alignment?.Was[i] is { } k ? Plain(was!.Blocks[k]) : null;
                var source = original.Slots[i].Text ?? "";
                var target = part is not null && i < part.Slots.Count ? part.Slots[i].Text : null;
                var id = $"{original.Key}.{i + 1}";
                if (Image().Match(source) is { Success: true } image)
                {
                    var caption = target is not null && Image().IsMatch(target) ? Plain(target) : target;
                    units.Add(new TranslationUnit(id, original.Key, UnitKind.Caption, Plain(source), caption, image.Groups["photo"].Value, i) { Previous = Changed(before, Plain(source)) });
                }
                else
                {
                    var coded = CodedText.FromMarkdown(source);
                    var translated = target is null ? null : XliffCodes.Aligned(CodedText.FromMarkdown(target), coded);
                    units.Add(new TranslationUnit(id, original.Key, UnitKind.Paragraph, coded.Plain, translated?.Plain, null, i)
                    {
                        Previous = alignment?.Was[i] is { } k2 ? Changed(CodedText.FromMarkdown(was!.Blocks[k2]).Plain, coded.Plain) : null,
                        SourceCoded = coded,
                        TargetCoded = translated,
                    });
                }
            }
        }

        return units;
    }

    /// <summary>The source as it was, when it is not as it is.</summary>
    private static string? Changed(string? before, string now) => before is null || before.Trim() == now.Trim() ? null : before;

    /// <summary>The text a reader sees of a slot's Markdown when it is one paragraph (a figure's: its caption), which is what a
    /// unit carries; the Markdown as written otherwise (a list, a quote).</summary>
    private static string Plain(string markdown) =>
        Markdig.Markdown.Parse(markdown, MarkdownReader.Pipeline) is [ParagraphBlock { Inline: { } inline }]
            ? MarkdownReader.PlainText(inline).Trim()
            : markdown;

    /// <summary>Writes a target into the translation as text, whatever it holds (<see cref="MarkdownText"/>): a head field, a
    /// heading, or a slot's block (a caption as its figure); a paragraph as <paramref name="markdown"/>, its text escaped and its
    /// codes made Markdown again. A target given back as it was exported leaves the slot as written.</summary>
    public static void Fill(TranslationDesk desk, TranslationUnit unit, string target, string? markdown = null)
    {
        if (target == unit.Target && markdown is null)
        {
            return;
        }

        if (markdown is not null)
        {
            desk.Translation.Part(unit.Part)!.Slots[unit.Slot].Text = markdown;
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
