using System.Text;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>A slot of a language file as written: the notes above it, its slot comment (the original it translates), and its
/// block's Markdown, or null while it is not translated.</summary>
public sealed class DeskSlot
{
    public List<string> Notes { get; } = [];

    public SlotComment? Comment { get; set; }

    public string? Text { get; set; }
}

/// <summary>A part of a language file: the head (front matter fields and lead) or one <c>##</c> section, with its slots in order.</summary>
public sealed class DeskPart(string key)
{
    public string Key { get; } = key;

    public bool IsHead => Key == TranslationHashes.HeadKey;

    public List<string> HeadingNotes { get; } = [];

    public SlotComment? HeadingComment { get; set; }

    /// <summary>The heading's line as written, e.g. <c>## Loyal to the People {#procuratorate}</c>; <c>## {#id}</c> when untranslated.</summary>
    public string HeadingLine { get; set; } = "";

    public string HeadingText { get; set; } = "";

    public List<DeskSlot> Slots { get; } = [];

    public List<string> TrailingNotes { get; } = [];

    /// <summary>Sets the heading's text (plain text, written escaped: nothing in it can change the heading or its id).</summary>
    public void SetHeading(string text)
    {
        HeadingText = MarkdownText.OneLine(text);
        HeadingLine = $"## {(HeadingText.Length > 0 ? MarkdownText.Inline(HeadingText) + " " : "")}{{#{Key}}}";
    }
}

/// <summary>A language file as the translator's desk reads and rewrites it: the front matter's lines as written, then its parts.
/// Everything written by hand (English text, notes, front matter keys) is kept as it was; only slot comments, empty slots,
/// <c>translation_of</c> and the fields the desk is asked to fill change.</summary>
public sealed class TranslationDocument
{
    internal static readonly MarkdownPipeline Markdown = MarkdownReader.Pipeline;

    public required List<string> Front { get; init; }

    public required List<DeskPart> Parts { get; init; }

    public DeskPart Head => Parts[0];

    public DeskPart? Part(string key) => Parts.FirstOrDefault(p => p.Key == key);

    /// <summary>Reads a language file; <paramref name="originalLang"/> is the tag its slot comments carry. The file has been checked
    /// by the loader first: this reads its shape, not its validity.</summary>
    public static TranslationDocument Parse(string text, string originalLang)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var lines = text.Split('\n');
        var close = lines.Length > 0 && lines[0] == "---" ? Array.FindIndex(lines, 1, l => l is "---" or "...") : -1;
        var front = close > 0 ? lines[1..close].ToList() : [];
        var body = close > 0 ? string.Join('\n', lines.Skip(close + 1)) : text;

        var (clean, _, comments, moves) = Comments.Strip("", body, 0, originalLang, []);
        var chunks = Chunks(body, clean, comments, moves);
        return new TranslationDocument { Front = front, Parts = ReadParts(chunks) };
    }

    /// <summary>The parts (the head, then each section) of a translation's body, read chunk by chunk: each slot with its comment,
    /// and the notes a translator wrote between slots.</summary>
    private static List<DeskPart> ReadParts(List<(string Raw, SlotComment? Slot, Markdig.Syntax.Block? Block)> chunks)
    {
        var parts = new List<DeskPart> { new(TranslationHashes.HeadKey) };
        var notes = new List<string>();
        SlotComment? pending = null;
        SlotComment? pendingHeading = null;

        void Unfilled()
        {
            if (pending is not null)
            {
                var slot = new DeskSlot { Comment = pending };
                parts[^1].Slots.Add(slot);
                pending = null;
            }
        }

        foreach (var chunk in chunks)
        {
            switch (chunk)
            {
                case (_, { Kind: SlotKind.Block } comment, _):
                    Unfilled();
                    pending = comment;
                    break;
                case (_, { Kind: SlotKind.Heading } comment, _):
                    Unfilled();
                    pendingHeading = comment;
                    break;
                case (var raw, null, null):
                    notes.Add(raw);
                    break;
                case (var raw, null, HeadingBlock { Level: 2 } heading):
                    Unfilled();
                    parts[^1].TrailingNotes.AddRange(notes);
                    notes.Clear();
                    var part = new DeskPart(heading.GetAttributes().Id ?? "") { HeadingComment = pendingHeading, HeadingLine = raw.Trim() };
                    part.HeadingText = MarkdownReader.PlainText(heading.Inline).Trim();
                    parts.Add(part);
                    pendingHeading = null;
                    break;
                case (var raw, null, _):
                    var filled = new DeskSlot { Comment = pending, Text = raw.TrimEnd() };
                    filled.Notes.AddRange(notes);
                    notes.Clear();
                    parts[^1].Slots.Add(filled);
                    pending = null;
                    break;
            }
        }

        Unfilled();
        parts[^1].TrailingNotes.AddRange(notes);
        return parts;
    }

    /// <summary>The body's comments (standing alone on their lines) and Markdown blocks in order, each with its text as written.</summary>
    private static List<(string Raw, SlotComment? Slot, Markdig.Syntax.Block? Block)> Chunks(string body, string clean, List<(int Start, int End, SlotComment? Slot)> comments, TextMoves moves)
    {
        var result = comments.Select(c => (c.Start, Raw: body[c.Start..c.End], c.Slot, Block: (Markdig.Syntax.Block?)null)).ToList();
        var lines = body.Split('\n');
        foreach (var block in Markdig.Markdown.Parse(clean, Markdown))
        {
            // A heading's span leaves out its {#id}: take its whole line.
            // A block's text as written: from its start (where a comment before it on its line begins: the text was moved there)
            // to its end, mapped back over the move.
            var (start, end) = (block.Span.Start, Math.Min(moves.Original(clean, block.Span.End) + 1, body.Length));
            var raw = block is HeadingBlock ? lines[block.Line] : body[start..end];
            result.Add((start, raw, null, block));
        }

        return [.. result.OrderBy(c => c.Start).Select(c => (c.Raw, c.Slot, c.Block))];
    }

    /// <summary>The file's text: the front matter, then each part; a slot's comment stands right above its block.</summary>
    public string Render(string originalLang)
    {
        var text = new StringBuilder("---\n");
        foreach (var line in Front)
        {
            text.Append(line).Append('\n');
        }

        text.Append("---\n");
        void Paragraph(string chunk) => text.Append('\n').Append(chunk.TrimEnd()).Append('\n');

        foreach (var part in Parts)
        {
            if (!part.IsHead)
            {
                part.HeadingNotes.ForEach(Paragraph);
                Paragraph((part.HeadingComment is { } c ? c.Format(originalLang) + "\n" : "") + part.HeadingLine);
            }

            foreach (var slot in part.Slots)
            {
                slot.Notes.ForEach(Paragraph);
                var comment = slot.Comment?.Format(originalLang);
                Paragraph(comment is null ? slot.Text ?? "" : slot.Text is null ? comment : comment + "\n" + slot.Text);
            }

            part.TrailingNotes.ForEach(Paragraph);
        }

        return text.ToString();
    }
}
