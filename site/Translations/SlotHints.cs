using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>What <c>translate</c> shows beside a slot still to do (one with a slot comment): the terms of the termbase its
/// original holds, and what the archive's memory offers, as notes above it: an exact match filled in for review, or the fuzzy
/// matches with their similarity and origin. The notes are the desk's own: made again on every run, and gone once the part is
/// stamped.</summary>
public static class SlotHints
{
    private const string Terms = "<!-- terms: ";
    private const string Memory = "<!-- memory ";

    /// <summary>Whether a note is one of the desk's hints.</summary>
    public static bool IsHint(string note) => note.StartsWith(Terms, StringComparison.Ordinal) || note.StartsWith(Memory, StringComparison.Ordinal);

    /// <summary>Sets the hints of every slot of the desk; returns how many empty slots an exact match filled.</summary>
    public static int Refresh(TranslationDesk desk, Termbase terms, TranslationMemory memory)
    {
        var filled = 0;
        foreach (var original in desk.OriginalParts)
        {
            if (desk.Translation.Part(original.Key) is not { } part)
            {
                continue;
            }

            for (var i = 0; i < part.Slots.Count && i < original.Slots.Count; i++)
            {
                var slot = part.Slots[i];
                slot.Notes.RemoveAll(IsHint);
                if (slot.Comment is not null && original.Slots[i].Text is { } source)
                {
                    filled += Hint(slot, source, desk.Target, terms, memory);
                }
            }
        }

        return filled;
    }

    private static int Hint(DeskSlot slot, string source, Language target, Termbase terms, TranslationMemory memory)
    {
        var found = terms.In(source).Where(t => t.Targets.ContainsKey(target.Key)).Select(t => $"{t.Source} = {t.Targets[target.Key]}").ToList();
        if (found.Count > 0)
        {
            slot.Notes.Add(Terms + MarkdownText.Comment(string.Join("; ", found)) + " -->");
        }

        var matches = memory.Lookup(source);
        if (slot.Text is null && matches is [{ Exact: true } exact])
        {
            slot.Text = exact.Pair.TargetMarkdown;
            slot.Notes.Add($"{Memory}100%: the same text in {exact.Pair.Origin}, filled in: review it -->");
            return 1;
        }

        foreach (var match in matches.Where(m => !m.Exact || slot.Text is not null))
        {
            slot.Notes.Add($"{Memory}{match.Similarity:0.#}% from {match.Pair.Origin}: {MarkdownText.Comment(match.Pair.Source)} = {MarkdownText.Comment(match.Pair.Target)} -->");
        }

        return 0;
    }
}
