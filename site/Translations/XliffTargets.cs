using System.Text;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Translations;

/// <summary>The targets of an XLIFF file's units, checked against the report on the desk: each unit's source as exported, its
/// segments joined as the target language writes, its inline codes given back, its state read.</summary>
public static class XliffTargets
{
    /// <summary>The units of one <c>&lt;file&gt;</c> checked against the report's: each target joined from its pieces; the parts
    /// every unit of which it completes; the parts it leaves as drafts (a target it changes is in state <c>initial</c>); and the
    /// parts whose every unit a reviewer confirmed (state <c>reviewed</c> or <c>final</c>). Null after errors.</summary>
    public static ImportedUnits? Units(TranslationDesk desk, XliffFile file, Language language, string display, List<Diagnostic> errors)
    {
        desk.AddSlots();
        var units = XliffUnits.Of(desk).ToDictionary(u => u.Id);
        var imported = new ImportedUnits([], [], [], []);
        var (incomplete, unconfirmed) = (new HashSet<string>(), new HashSet<string>());
        var count = errors.Count;
        foreach (var element in file.Units)
        {
            if (!units.TryGetValue(element.Id, out var unit))
            {
                errors.Add(Diagnostic.Error("RA405", display, element.Line, $"unit '{element.Id}' is not a part of {file.Original}: its units are {string.Join(", ", units.Keys.Take(8))}…", element.Column));
                continue;
            }

            // A tool that wrote the file again may have indented the source around its codes: whitespace is not compared.
            if (!Squeezed(Join(element.Pieces.Select(p => (p.Source, p.Ignorable)), desk.Languages.Original)).SequenceEqual(Squeezed(unit.Source)))
            {
                errors.Add(Diagnostic.Error("RA406", display, element.Line, $"unit '{element.Id}': its source changed since it was exported (the original now reads “{Shorten(unit.Source)}”): export again", element.Column));
                continue;
            }

            imported.Parts.Add(unit.Part);
            var target = element.Pieces.Any(p => p.Target is null) ? null : Join(element.Pieces.Select(p => (p.Target!, p.Ignorable)), language);
            if (target is null || target.Trim().Length == 0)
            {
                incomplete.Add(unit.Part);
                continue;
            }

            var (markdown, mismatch) = Coded(unit, element, language);
            if (mismatch is not null)
            {
                errors.Add(Diagnostic.Error("RA413", display, element.Line, $"unit '{element.Id}': the target's inline codes do not match: {mismatch}; give back every code of the source, once each, around the text it marks", element.Column));
                continue;
            }

            if (unit.Kind == UnitKind.Paragraph && markdown is null)
            {
                target = unit.Target!; // its text and codes as exported: the paragraph stays as written, whatever whitespace the tool changed
            }

            var state = UnitState(element);
            if (state == "initial" && (target != unit.Target || markdown is not null))
            {
                imported.Drafts.Add(unit.Part);
            }

            if (state is not ("reviewed" or "final"))
            {
                unconfirmed.Add(unit.Part);
            }

            imported.Filled.Add((unit, target, markdown));
        }

        imported.Parts.ExceptWith(incomplete);
        imported.Confirmed.UnionWith(imported.Parts.Except(unconfirmed));
        return errors.Count > count ? null : imported;
    }

    /// <summary>A paragraph's target as Markdown, its codes checked against those it must give back: null when it is as exported
    /// (the paragraph stays as written); the mismatch when a code is lost, added, doubled or misplaced.</summary>
    private static (string? Markdown, string? Mismatch) Coded(TranslationUnit unit, XliffUnit element, Language language)
    {
        var tokens = new List<CodeToken>();
        var afterSegment = false;
        foreach (var piece in element.Pieces.Where(p => (p.Target ?? "").Length > 0 || p.TargetElement?.HasElements == true))
        {
            string? problem = null;
            var text = piece.Ignorable ? [new TextToken(piece.Target!)] : XliffCodes.Tokens(piece.TargetElement!, out problem);
            if (text is null)
            {
                return (null, problem);
            }

            if (language.ReadingUnit == ReadingUnit.Words && afterSegment && !piece.Ignorable && tokens.LastOrDefault() is TextToken { Text: [.., var last] } && !char.IsWhiteSpace(last)
                && text.FirstOrDefault() is TextToken { Text: [var first, ..] } && !char.IsWhiteSpace(first))
            {
                tokens.Add(new TextToken(" "));
            }

            tokens.AddRange(text);
            afterSegment = !piece.Ignorable;
        }

        if (unit.Kind != UnitKind.Paragraph)
        {
            return (null, tokens.Any(t => t is not TextToken) ? "a heading, a caption or a head field carries no code" : null);
        }

        if (XliffCodes.Mismatch(tokens, unit.Codes) is { } mismatch)
        {
            return (null, mismatch);
        }

        var merged = Merge(tokens);
        return unit.TargetCoded is { } exported && merged.SequenceEqual(exported.Tokens) ? (null, null)
            : (CodedText.ToMarkdown(merged, unit.Codes.ToDictionary(c => c.Id)), null);
    }

    /// <summary>Neighbouring text tokens made one, the text's ends trimmed, as a coded text's tokens are.</summary>
    private static List<CodeToken> Merge(List<CodeToken> tokens) =>
        CodedText.FromTokens(tokens).Tokens.ToList();

    /// <summary>The least advanced state of a unit's segments. A segment without one is taken as <c>translated</c>: XLIFF 2.0 makes
    /// it <c>initial</c>, but a tool that writes no state has no review step, and its targets are the translator's word.</summary>
    private static string UnitState(XliffUnit unit)
    {
        string[] order = ["initial", "translated", "reviewed", "final"];
        return unit.Pieces.Where(p => !p.Ignorable).Select(p => p.State ?? "translated")
            .MinBy(s => Array.IndexOf(order, s) is var i and >= 0 ? i : 0) ?? "translated";
    }

    /// <summary>A unit's pieces joined as the language writes sentences: two segments side by side with a space between them where
    /// it separates words by spaces (unless one is there already), with none where it does not (Chinese); an ignorable as it is.</summary>
    public static string Join(IEnumerable<(string Text, bool Ignorable)> pieces, Language language)
    {
        var text = new StringBuilder();
        var afterSegment = false;
        foreach (var (piece, ignorable) in pieces.Where(p => p.Text.Length > 0))
        {
            if (language.ReadingUnit == ReadingUnit.Words && afterSegment && !ignorable && !char.IsWhiteSpace(text[^1]) && !char.IsWhiteSpace(piece[0]))
            {
                text.Append(' ');
            }

            text.Append(piece);
            afterSegment = !ignorable;
        }

        return text.ToString();
    }

    private static IEnumerable<char> Squeezed(string text) => text.Where(c => !char.IsWhiteSpace(c));

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>What an XLIFF file gives one report: targets to write, the parts it completes, those it leaves as drafts, and those a
/// reviewer confirmed.</summary>
public sealed record ImportedUnits(List<(TranslationUnit Unit, string Target, string? Markdown)> Filled, HashSet<string> Parts, HashSet<string> Drafts, HashSet<string> Confirmed);
