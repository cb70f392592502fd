using ReportArchive.Build;

namespace ReportArchive.Content;

/// <summary>A translation's draft parts (<c>drafts:</c> in its front matter: an unconfirmed or machine translation), which the
/// site publishes only as <c>translation_drafts</c> says: left to the original by default (a draft section reads as one not
/// translated yet, a draft head leaves the translation unpublished), or with a label saying it is a draft.</summary>
public static class DraftParts
{
    /// <summary>The report as published when drafts are hidden: each draft part of each translation as if not translated yet.</summary>
    public static Report Hidden(Report report)
    {
        if (!report.Files.Skip(1).Any(t => t.Front.Drafts.Length > 0))
        {
            return report;
        }

        return report with { Files = [report.Original, .. report.Files.Skip(1).Select(t => Hidden(report.Original, t))] };
    }

    private static Translation Hidden(Translation original, Translation translation)
    {
        var drafts = translation.Front.Drafts.Select(d => d.Value).ToHashSet(StringComparer.Ordinal);
        if (drafts.Count == 0)
        {
            return translation;
        }

        if (drafts.Contains(TranslationHashes.HeadKey))
        {
            return translation with { Front = translation.Front with { Title = null }, Lead = Untranslated(original.Lead, translation.Lead) };
        }

        return translation with
        {
            Sections = [.. translation.Sections.Select(s => drafts.Contains(s.Id) && original.Sections.FirstOrDefault(o => o.Id == s.Id) is { } source
                ? s with { Heading = "", Blocks = Untranslated(source.Blocks, s.Blocks) } : s)],
        };
    }

    /// <summary>Each block of a draft as a slot not filled yet, holding the original's text it translates.</summary>
    private static System.Collections.Immutable.ImmutableArray<Block> Untranslated(System.Collections.Immutable.ImmutableArray<Block> original, System.Collections.Immutable.ImmutableArray<Block> draft) =>
        [.. draft.Select((b, i) => (Block)new Untranslated(b.Line, i < original.Length ? original[i] switch
        {
            Paragraph p => p.Text,
            Figure f => $"![{f.Caption}]({f.Source})",
            _ => "",
        } : ""))];

    /// <summary>A warning for each draft part: what the site does with it, and how it stops being one.</summary>
    public static void Check(Report report, Translation translation, bool label, string desk, ICollection<Diagnostic> diagnostics)
    {
        var parts = TranslationHashes.Of(report.Original).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (part, line) in translation.Front.Drafts)
        {
            diagnostics.Add(Diagnostic.Warning("RA174", translation.File, line, !parts.Contains(part)
                ? $"drafts names '{part}', which is not a part of the original"
                : $"'{part}' is a draft translation, {(label ? "published with a label saying so" : "not published (the original is shown)")}: review it, then 'stamp {desk} --section {part}'"));
        }
    }
}
