using ReportArchive.Build;
using ReportArchive.Content;
using ReportArchive.Sources;

namespace ReportArchive.Translations;

/// <summary>What <see cref="TranslationDesk.Stamp"/> did: the parts stamped, those not complete yet (or not parts of the original),
/// and the stale parts it refused because their translation is as it was when last stamped and nobody confirmed it.</summary>
public sealed record StampOutcome(List<string> Stamped, List<(string Key, string Why)> Skipped, List<(string Key, string Why)> Refused);

public sealed partial class TranslationDesk
{
    /// <summary>Whether every slot of a part is filled: heading (or title and the other head fields), and one block per block of the original.</summary>
    public bool Complete(string key, out string why)
    {
        var original = Original.Part(key)!;
        var part = Translation.Part(key);
        var empty = part is null ? original.Slots.Count + 1
            : original.Slots.Count - part.Slots.Take(original.Slots.Count).Count(s => s.Text is not null)
              + (part.IsHead ? OriginalFields.Count(f => string.IsNullOrEmpty(FrontMatterLines.Value(Translation.Front, f.Key))) : part.HeadingText.Length == 0 ? 1 : 0);
        why = empty == 0 ? "" : $"{empty} slot{(empty == 1 ? " is" : "s are")} not translated yet";
        return empty == 0;
    }

    /// <summary>Whether a part's translation differs from the one it had when it was last stamped (false when that is not known).</summary>
    public bool EditedSinceStamp(string key) =>
        Basis.Parts.TryGetValue(key, out var was) && Translation.Part(key) is { } part && was.Translation != Fingerprint(part);

    /// <summary>The line of a part's entry in <c>translation_of</c> (of the file as loaded), or 1.</summary>
    public int RecordedLine(string key) =>
        Report.FileIn(Target.Key)?.Front.TranslationOf.FirstOrDefault(t => t.Key == key) is { Line: > 0 } entry ? entry.Line : 1;

    private string Fingerprint(DeskPart part) => StampBasis.Fingerprint(Translation, part, HeadFields);

    /// <summary>Records the current fingerprints of these parts (every complete one when <paramref name="keys"/> is null), keeps
    /// the original each now translates in the basis, and removes their slot comments. A stale part (its original changed since
    /// it was stamped) is stamped only when its translation was edited since, or when it is in <paramref name="confirmed"/>: the
    /// translator says it still holds.</summary>
    public StampOutcome Stamp(IReadOnlyCollection<string>? keys, IReadOnlyCollection<string> confirmed)
    {
        var recorded = Recorded;
        var hashes = Hashes;
        var outcome = new StampOutcome([], [], []);
        foreach (var key in keys ?? OriginalParts.Select(p => p.Key).Where(k => Complete(k, out _)))
        {
            if (!hashes.ContainsKey(key))
            {
                outcome.Skipped.Add((key, $"the original has no part '{key}' (its parts: {string.Join(", ", hashes.Keys)})"));
            }
            else if (!Complete(key, out var why))
            {
                outcome.Skipped.Add((key, why));
            }
            else if (recorded.TryGetValue(key, out var old) && old != hashes[key] && !confirmed.Contains(key) && !EditedSinceStamp(key))
            {
                outcome.Refused.Add((key, Basis.Parts.ContainsKey(key)
                    ? "the original changed since it was stamped, and its translation is as it was then"
                    : "the original changed since it was stamped, and whether its translation was edited since is not known (no basis was kept)"));
            }
            else
            {
                recorded[key] = hashes[key];
                outcome.Stamped.Add(key);
                StampPart(key);
            }
        }

        FrontMatterLines.SetMap(Translation.Front, "translation_of",
            hashes.Keys.Where(recorded.ContainsKey).Select(k => (k, recorded[k])));
        MarkDrafts([], outcome.Stamped); // a part stamped is reviewed: no longer a draft
        return outcome;
    }

    /// <summary>Adds parts to the translation's drafts (an XLIFF target in state <c>initial</c>) and takes others off.</summary>
    public void MarkDrafts(IEnumerable<string> drafts, IEnumerable<string> reviewed)
    {
        var list = FrontMatterLines.List(Translation.Front, "drafts").Concat(drafts).Except(reviewed).Distinct(StringComparer.Ordinal);
        FrontMatterLines.SetList(Translation.Front, "drafts", OriginalParts.Select(p => p.Key).Where(list.Contains));
    }

    /// <summary>Clears a stamped part's slot comments and keeps the original it now translates, with its translation's fingerprint.</summary>
    private void StampPart(string key)
    {
        var part = Translation.Part(key)!;
        part.HeadingComment = null;
        part.Slots.ForEach(s => s.Comment = s.Text is null ? s.Comment : null);
        part.Slots.ForEach(s => s.Notes.RemoveAll(SlotHints.IsHint));
        if (part.IsHead)
        {
            HeadFields.ToList().ForEach(f => FrontMatterLines.SetComment(Translation.Front, f, Lang, null));
        }

        var original = Original.Part(key)!;
        Basis.Parts[key] = new BasisPart(Fingerprint(part), part.IsHead ? [.. OriginalFields] : [], original.IsHead ? "" : original.HeadingText,
            [.. original.Slots.Select(s => s.Text ?? "")]);
    }

    /// <summary>The translation file's text as the desk would write it now.</summary>
    public string Text => Translation.Render(Lang);

    /// <summary>Writes the translation file, and its basis when it holds a part, through the one door of <c>input/</c> (a
    /// temporary file renamed over it, so a failure leaves the old one whole, and a place outside the archive is refused).</summary>
    public void Save()
    {
        InputWrites.WriteText(Input, File, Text);
        if (Basis.Parts.Count > 0)
        {
            InputWrites.WriteText(Input, BasisFile, Basis.Render(OriginalParts.Select(p => p.Key), Path.GetFileName(File), Languages.Original.FileName));
        }
    }

    /// <summary>A one-line account of the file's slots after the desk's work.</summary>
    public string Summary()
    {
        var diagnostics = new List<Diagnostic>();
        var reloaded = ReportLoader.Load(Path.GetDirectoryName(File)!, Languages, diagnostics);
        var coverage = TranslationCoverage.Of(Report.Original, reloaded?.FileIn(Target.Key));
        return $"{coverage.Slots - coverage.UntranslatedSlots} of {coverage.Slots} slots translated; parts: {coverage.Count(PartState.Current)} current, " +
            $"{coverage.Count(PartState.New)} new, {coverage.Count(PartState.Stale)} stale, {coverage.Count(PartState.Partial)} partial, {coverage.Count(PartState.Missing)} missing";
    }
}
