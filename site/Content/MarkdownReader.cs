using System.Collections.Immutable;
using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Content;

/// <summary>Reads a language file's Markdown body into the lead and the <c>##</c> sections, with figures recognised.</summary>
public static partial class MarkdownReader
{
    /// <summary>Raw HTML is shown as text, never passed through: content is data, not markup.</summary>
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseGenericAttributes().UsePreciseSourceLocation().Build();

    /// <summary>How every language file's body is read (the translator's desk reads it the same way).</summary>
    public static MarkdownPipeline Pipeline => Markdown;

    /// <summary>Reads a body. In a translation (<paramref name="originalLang"/> given), a slot comment with no block after it is an
    /// <see cref="Untranslated"/> block in its place, and a section heading with no text is a section not translated yet.</summary>
    public static (ImmutableArray<Block> Lead, ImmutableArray<Section> Sections) Read(
        string file, string body, int bodyLine, ICollection<Diagnostic> diagnostics, string? originalLang = null)
    {
        var (text, comments, _, moves) = Comments.Strip(file, body, bodyLine, originalLang ?? "", diagnostics);
        if (!Nesting.Check(file, text, bodyLine, diagnostics, moves))
        {
            return ([], []);
        }

        var slots = originalLang is null ? [] : comments.Where(c => c.Kind == SlotKind.Block);
        var reader = new BodyReader(file, (text, moves), bodyLine, originalLang is not null, slots, diagnostics);
        foreach (var block in Markdig.Markdown.Parse(text, Markdown))
        {
            reader.Add(block);
        }

        var (lead, sections) = reader.Finish();
        return (lead, Distinct(file, sections, diagnostics));
    }

    /// <summary>The sections with ids of their own: a second section with an id is an error, and is left out of the model, so that
    /// the checks after this one see one each.</summary>
    private static ImmutableArray<Section> Distinct(string file, ImmutableArray<Section> sections, ICollection<Diagnostic> diagnostics)
    {
        var distinct = ImmutableArray.CreateBuilder<Section>();
        foreach (var section in sections)
        {
            if (distinct.FirstOrDefault(s => s.Id == section.Id) is { } first)
            {
                diagnostics.Add(Diagnostic.Error("RA127", file, section.Line,
                    $"section id '{section.Id}' is already used on line {first.Line}: every section needs an id of its own"));
            }
            else
            {
                distinct.Add(section);
            }
        }

        return distinct.ToImmutable();
    }

    /// <summary>A body's blocks, read one by one into the lead and the sections. In a translation, a slot comment stands for the
    /// block right after it; one followed by another comment, a heading or the end is unfilled (<see cref="Untranslated"/>).</summary>
    private sealed class BodyReader(string file, (string Text, TextMoves Moves) body, int bodyLine, bool translation, IEnumerable<SlotComment> slotComments, ICollection<Diagnostic> diagnostics)
    {
        private readonly ImmutableArray<Block>.Builder _lead = ImmutableArray.CreateBuilder<Block>();
        private readonly ImmutableArray<Section>.Builder _sections = ImmutableArray.CreateBuilder<Section>();
        private readonly Queue<SlotComment> _slots = new(slotComments);
        private readonly BlockRenderer _renderer = new();
        private (string Id, string Heading, int Line, ImmutableArray<Block>.Builder Blocks)? _current;
        private SlotComment? _pending;

        private ImmutableArray<Block>.Builder Blocks => _current?.Blocks ?? _lead;

        public void Add(Markdig.Syntax.Block block)
        {
            var line = block.Line + bodyLine;
            SlotsBefore(line);
            switch (block)
            {
                case HeadingBlock { Level: 2 } heading:
                    Unfilled();
                    Close();
                    var title = PlainText(heading.Inline).Trim();
                    if (title.Length == 0 && !translation)
                    {
                        diagnostics.Add(Diagnostic.Error("RA126", file, line, "this section heading has no text: write it before the id, as in '## 忠诚为民强担当 {#procuratorate}'"));
                    }

                    _current = (ReadSectionId(file, heading, line, diagnostics), title, line, ImmutableArray.CreateBuilder<Block>());
                    break;
                case HeadingBlock heading:
                    diagnostics.Add(Diagnostic.Error("RA120", file, line,
                        $"a level-{heading.Level} heading: sections are '## heading {{#id}}', and the title belongs in the front matter"));
                    break;
                case LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                    break; // [name]: url lines show nothing; the links that use them are checked where they stand
                default:
                    _pending = null;
                    Sanitize(file, body, block, bodyLine, diagnostics);
                    Blocks.Add(ReadBlock(block, line, _renderer));
                    break;
            }
        }

        public (ImmutableArray<Block> Lead, ImmutableArray<Section> Sections) Finish()
        {
            SlotsBefore(int.MaxValue);
            Unfilled();
            Close();
            return (_lead.ToImmutable(), _sections.ToImmutable());
        }

        private void Unfilled()
        {
            if (_pending is { } slot)
            {
                Blocks.Add(new Untranslated(slot.Line, slot.Text));
                _pending = null;
            }
        }

        private void SlotsBefore(int line)
        {
            while (_slots.Count > 0 && _slots.Peek().Line < line)
            {
                Unfilled();
                _pending = _slots.Dequeue();
            }
        }

        private void Close()
        {
            if (_current is { } c)
            {
                _sections.Add(new Section(c.Id, c.Heading, c.Line, c.Blocks.ToImmutable()));
            }
        }
    }

    private static Block ReadBlock(Markdig.Syntax.Block block, int line, BlockRenderer renderer)
    {
        if (block is ParagraphBlock { Inline: { } inline } && LoneImage(inline) is { } image)
        {
            return new Figure(line, image.Url ?? "", PlainText(image).Trim()) { Credit = string.IsNullOrWhiteSpace(image.Title) ? null : image.Title.Trim() };
        }

        var html = renderer.Render(block);
        var text = block is LeafBlock { Inline: { } leafInline } ? PlainText(leafInline) : StripTags(html);
        return new Paragraph(line, html, text.Trim());
    }

    /// <summary>Renders one block at a time to HTML. A body's blocks share one renderer: setting one up makes a renderer object
    /// for every kind of node, which once a paragraph was most of what reading an archive allocated.</summary>
    private sealed class BlockRenderer
    {
        private readonly StringWriter _html = new();
        private readonly HtmlRenderer _renderer;

        public BlockRenderer()
        {
            _renderer = new HtmlRenderer(_html);
            Markdown.Setup(_renderer);
        }

        public string Render(Markdig.Syntax.Block block)
        {
            var html = _html.GetStringBuilder().Clear();
            _renderer.Render(block);
            var (start, end) = (0, html.Length);
            while (start < end && char.IsWhiteSpace(html[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(html[end - 1]))
            {
                end--;
            }

            return html.ToString(start, end - start);
        }
    }

    private static string ReadSectionId(string file, HeadingBlock heading, int line, ICollection<Diagnostic> diagnostics)
    {
        var id = heading.GetAttributes().Id;
        if (id is null)
        {
            diagnostics.Add(Diagnostic.Error("RA121", file, line,
                "this section heading has no id: end it with an ASCII id in braces, as in '## 忠诚为民强担当 {#procuratorate}'"));
            return $"line-{line}";
        }

        if (!Slugs.IsValid(id) || id == TranslationHashes.HeadKey)
        {
            diagnostics.Add(Diagnostic.Error("RA122", file, line,
                $"section id '{id}' is not valid: use {Slugs.Rule} ('{TranslationHashes.HeadKey}' is reserved)"));
        }

        return id;
    }

    /// <summary>Every address in the block goes through <see cref="UrlPolicy"/>: a link or autolink it refuses is replaced by its
    /// text, with a warning at its place. An image inside running text is refused: a photo stands alone in its paragraph.</summary>
    private static void Sanitize(string file, (string Text, TextMoves Moves) text, Markdig.Syntax.Block block, int bodyLine, ICollection<Diagnostic> diagnostics)
    {
        // Attributes in braces ({onclick=…}, {.class}, {#id}) are markup: only a section heading takes one, its id.
        var blocks = block is ContainerBlock container ? container.Descendants<Markdig.Syntax.Block>().Prepend(block) : [block];
        foreach (var node in blocks.Cast<MarkdownObject>().Concat(blocks.OfType<LeafBlock>().SelectMany(l => l.Inline?.Descendants<Inline>() ?? [])))
        {
            if (node.TryGetAttributes() is { } attributes && (attributes.Id is not null || attributes.Classes is { Count: > 0 } || attributes.Properties is { Count: > 0 }))
            {
                var (line, column) = Position(text, node.Span.Start, bodyLine);
                diagnostics.Add(Diagnostic.Warning("RA128", file, line, "attributes in braces were dropped: only a section heading ('## heading {#id}') takes one, its id", column));
                node.SetAttributes(new HtmlAttributes());
            }
        }

        var lone = block is ParagraphBlock { Inline: { } paragraph } ? LoneImage(paragraph) : null;
        var leaves = block is LeafBlock leaf ? [leaf] : block.Descendants<LeafBlock>();
        foreach (var inline in leaves.SelectMany(l => l.Inline?.Descendants<Inline>() ?? []).Where(i => i is LinkInline or AutolinkInline).ToList())
        {
            var (line, column) = Position(text, inline.Span.Start, bodyLine);
            switch (inline)
            {
                case LinkInline { IsImage: true } image when image != lone:
                    diagnostics.Add(Diagnostic.Error("RA123", file, line, "a photo must stand alone in its paragraph, with its caption: ![caption](photos/x.jpg)", column));
                    break;
                case LinkInline { IsImage: false } link when !UrlPolicy.IsAllowed(link.Url):
                    diagnostics.Add(Diagnostic.Warning("RA124", file, line, $"the link to '{Shown(link.Url)}' was removed: links may only go to http(s), mailto or a path", column));
                    link.ReplaceBy(new LiteralInline(PlainText(link)), copyChildren: false);
                    break;
                case AutolinkInline autolink when autolink.IsEmail ? !UrlPolicy.IsAllowed("mailto:" + autolink.Url) : !UrlPolicy.IsAllowed(autolink.Url):
                    diagnostics.Add(Diagnostic.Warning("RA124", file, line, $"the link to '{Shown(autolink.Url)}' was removed: links may only go to http(s), mailto or a path", column));
                    autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
                    break;
            }
        }
    }

    private static string Shown(string? url) => new string((url ?? "").Select(c => char.IsControl(c) ? '?' : c).ToArray()) is var s && s.Length > 80 ? s[..77] + "..." : s;

    /// <summary>The 1-based line and column in the file of an offset in the body (as stripped of its comments).</summary>
    private static (int Line, int Column) Position((string Text, TextMoves Moves) body, int offset, int bodyLine)
    {
        var text = body.Text;
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return (text.AsSpan(0, offset).Count('\n') + bodyLine, body.Moves.Original(text, offset) - lineStart + 1);
    }

    private static LinkInline? LoneImage(ContainerInline inline)
    {
        var parts = inline.Where(i => i is not LiteralInline lit || !lit.Content.IsEmptyOrWhitespace()).ToList();
        return parts is [LinkInline { IsImage: true } image] ? image : null;
    }

    /// <summary>The text a reader sees, without markup; soft line breaks become spaces.</summary>
    public static string PlainText(ContainerInline? inline)
    {
        if (inline?.FirstChild is LiteralInline { NextSibling: null } only)
        {
            return only.Content.ToString(); // most paragraphs: one run of text, no markup
        }

        var text = new StringBuilder();
        void Walk(Inline? node)
        {
            for (; node is not null; node = node.NextSibling)
            {
                switch (node)
                {
                    case LiteralInline lit: text.Append(lit.Content.Text, lit.Content.Start, lit.Content.Length); break;
                    case CodeInline code: text.Append(code.Content); break;
                    case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                    case LineBreakInline: text.Append(' '); break;
                    case ContainerInline c: Walk(c.FirstChild); break;
                }
            }
        }

        Walk(inline?.FirstChild);
        return text.ToString();
    }

    private static string StripTags(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " "));
}
