using System.Text;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>One part of the original as a translation was stamped against it: its head fields (the head) or heading (a section)
/// and its blocks as written, and a fingerprint of the translation's text of the part at that moment.</summary>
public sealed record BasisPart(string Translation, IReadOnlyList<(string Key, string Value)> Fields, string Heading, IReadOnlyList<string> Blocks);

/// <summary>What each part of a translation was stamped against, kept in the bundle beside it (<c>stamped.en.yml</c> for
/// <c>index.en.md</c>), written by <c>stamp</c> and <c>xliff import</c> and never published. With it, <c>translate</c> and
/// <c>xliff export</c> show what changed in the original since (the old sentences beside the new), and <c>stamp</c> tells a
/// translation edited since from one left as it was (which only an explicit confirmation makes current again).</summary>
public sealed class StampBasis
{
    private static readonly string[] Keys = ["translation", "fields", "heading", "blocks"];

    public Dictionary<string, BasisPart> Parts { get; } = new(StringComparer.Ordinal);

    /// <summary>The basis file of a translation file: <c>stamped.&lt;lang&gt;.yml</c> beside it.</summary>
    public static string FileOf(string bundle, Language target) => Path.Combine(bundle, $"stamped.{target.Key}.yml");

    /// <summary>The basis kept for a translation (none kept: empty); null after an error in the file, reported at its place.</summary>
    public static StampBasis? Read(string input, string path, ICollection<Diagnostic> diagnostics)
    {
        var basis = new StampBasis();
        if (!File.Exists(path))
        {
            return basis;
        }

        var count = diagnostics.Count;
        if (Sources.SourceFiles.ReadText(input, path, ReportLoader.Display(path), diagnostics) is not { } text
            || YamlDocument.Parse(ReportLoader.Display(path), text, 0, diagnostics) is not { } yaml)
        {
            return null;
        }

        foreach (var (key, _, _) in yaml.Entries.ToList())
        {
            if (yaml.Child(key, diagnostics) is not { } part)
            {
                continue;
            }

            part.RejectUnknownKeys(Keys, diagnostics, Path.GetFileName(path));
            basis.Parts[key] = new BasisPart(part.String("translation", diagnostics) ?? "",
                [.. part.Map("fields", diagnostics).Select(f => (f.Key, f.Value))], part.String("heading", diagnostics) ?? "",
                [.. part.List("blocks", diagnostics).Select(b => b.Value)]);
        }

        return diagnostics.Count > count ? null : basis;
    }

    /// <summary>The file's text: the parts in the original's order, every value a double-quoted string on its line.</summary>
    public string Render(IEnumerable<string> order, string translationFile, string originalFile)
    {
        var text = new StringBuilder()
            .Append($"# What each part of {translationFile} was stamped against: the original ({originalFile}) as it was then, and a\n")
            .Append("# fingerprint of the translation then. Written by 'stamp' and 'xliff import'; not published.\n");
        foreach (var key in order.Where(Parts.ContainsKey))
        {
            var part = Parts[key];
            text.Append(key).Append(":\n  translation: ").Append(part.Translation).Append('\n');
            if (part.Fields.Count > 0)
            {
                text.Append("  fields:\n");
                foreach (var (field, value) in part.Fields)
                {
                    text.Append("    ").Append(field).Append(": ").Append(MarkdownText.Yaml(value)).Append('\n');
                }
            }

            if (part.Heading.Length > 0)
            {
                text.Append("  heading: ").Append(MarkdownText.Yaml(part.Heading)).Append('\n');
            }

            text.Append("  blocks:").Append(part.Blocks.Count == 0 ? " []\n" : "\n");
            foreach (var block in part.Blocks)
            {
                text.Append("    - ").Append(MarkdownText.Yaml(block)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A fingerprint of a part of a language file as written: its fields' values (the head) or heading, and its slots.</summary>
    public static string Fingerprint(TranslationDocument document, DeskPart part, IEnumerable<string> fields)
    {
        var lines = part.IsHead
            ? fields.Select(f => $"{f}: {FrontMatterLines.Value(document.Front, f) ?? ""}")
            : [part.HeadingText];
        return Hashes.Hex(string.Join("\n\u001e", lines.Concat(part.Slots.Select(s => s.Text ?? ""))), 12);
    }
}
