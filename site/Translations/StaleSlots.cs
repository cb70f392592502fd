using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>The slots of a stale part, set against the original it was stamped against (its basis): a comment only above the
/// slots whose original changed, showing the sentences that changed; a slot for each new block of the original, in its place;
/// and the translation of a block the original no longer has kept as a note (not published, nothing lost).</summary>
public static class StaleSlots
{
    public static void Refresh(DeskPart part, DeskPart original, BasisPart was)
    {
        if (!part.IsHead)
        {
            part.HeadingComment = ChangedText.Same(was.Heading, original.HeadingText) ? null
                : new SlotComment(0, SlotKind.Heading, true, ChangedText.Difference(was.Heading, original.HeadingText));
        }

        var now = original.Slots.Select(s => s.Text ?? "").ToList();
        var slots = part.Slots.Count == was.Blocks.Count ? Realigned(part, was, now) : ByPlace(part, was, now);
        // A slot comment stands for the next block: a filled slot right after an empty one shows its own original, or the
        // empty slot's comment would be read as its.
        for (var j = 1; j < slots.Count && j < now.Count; j++)
        {
            if (slots[j - 1].Text is null && slots[j] is { Text: not null, Comment: null })
            {
                slots[j].Comment = new SlotComment(0, SlotKind.Block, false, now[j]);
            }
        }

        part.Slots.Clear();
        part.Slots.AddRange(slots);
    }

    /// <summary>The slots moved with the blocks they translate (the translation had one slot per block of the basis).</summary>
    private static List<DeskSlot> Realigned(DeskPart part, BasisPart was, List<string> now)
    {
        var alignment = ChangedText.Align(was.Blocks, now);
        var removed = new Queue<int>(alignment.Removed);
        var slots = new List<DeskSlot>();
        var orphans = new List<string>();
        for (var j = 0; j < now.Count; j++)
        {
            while (removed.Count > 0 && alignment.Was[j] is { } next && removed.Peek() < next)
            {
                orphans.AddRange(Orphan(part.Slots[removed.Dequeue()]));
            }

            var slot = alignment.Was[j] is { } k ? part.Slots[k] : new DeskSlot();
            slot.Notes.AddRange(orphans);
            orphans.Clear();
            Mark(slot, alignment.Was[j] is { } old ? was.Blocks[old] : null, now[j]);
            slots.Add(slot);
        }

        part.TrailingNotes.InsertRange(0, orphans.Concat(removed.SelectMany(k => Orphan(part.Slots[k]))));
        return slots;
    }

    /// <summary>The slots kept in their places, each marked against the basis's block at its place.</summary>
    private static List<DeskSlot> ByPlace(DeskPart part, BasisPart was, List<string> now)
    {
        var slots = part.Slots.ToList();
        for (var j = 0; j < now.Count; j++)
        {
            if (j >= slots.Count)
            {
                slots.Add(new DeskSlot());
            }

            Mark(slots[j], j < was.Blocks.Count ? was.Blocks[j] : null, now[j]);
        }

        return slots;
    }

    /// <summary>A slot's comment: none when its original is as stamped, what changed when it changed, the whole original for a new
    /// block or an empty slot.</summary>
    private static void Mark(DeskSlot slot, string? before, string now) =>
        slot.Comment = slot.Text is null || before is null ? new SlotComment(0, SlotKind.Block, false, now)
            : ChangedText.Same(before, now) ? null
            : new SlotComment(0, SlotKind.Block, true, ChangedText.Difference(before, now));

    /// <summary>The translation of a block the original no longer has, as a note after the notes above it: kept in the file,
    /// never published.</summary>
    private static IEnumerable<string> Orphan(DeskSlot slot) => slot.Notes.Append(
        $"<!-- the original no longer has the block this translated (kept here, not published; delete it when done): {MarkdownText.Comment(slot.Text ?? "")} -->");
}
