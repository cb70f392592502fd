using System.Collections.Immutable;

namespace ReportArchive.Content;

/// <summary>Where a part of a translation (the head, or one section) stands against the current original.</summary>
public enum PartState
{
    /// <summary>Translated, every slot filled, and recorded against the current original.</summary>
    Current,

    /// <summary>Translated and stamped once, but the original changed since.</summary>
    Stale,

    /// <summary>Translated in part: some slots are not filled yet.</summary>
    Partial,

    /// <summary>Not translated: no heading (or title) in the translation, or not in the file at all.</summary>
    Missing,

    /// <summary>Translated, every slot filled, and never stamped: a first translation not yet recorded as done.</summary>
    New,

    /// <summary>A draft (listed in <c>drafts:</c>): an unconfirmed or machine translation, published only as the site says.</summary>
    Draft,
}

/// <summary>One part of a report (the head, or one section) as a translator sees it: its slots and how many are still empty.</summary>
public sealed record PartCoverage(string Key, PartState State, int Slots, int UntranslatedSlots, int? FirstUntranslatedLine);

/// <summary>A report's translation coverage, part by part: what <c>check</c> counts and <c>status</c> prints.</summary>
public sealed record TranslationCoverage(ImmutableArray<PartCoverage> Parts)
{
    public int Slots => Parts.Sum(p => p.Slots);

    public int UntranslatedSlots => Parts.Sum(p => p.UntranslatedSlots);

    public int FirstUntranslatedLine => Parts.Select(p => p.FirstUntranslatedLine).OfType<int>().DefaultIfEmpty(1).Min();

    public int Count(PartState state) => Parts.Count(p => p.State == state);

    /// <summary>The coverage of <paramref name="translation"/> (null: no translation file) against <paramref name="original"/>.</summary>
    public static TranslationCoverage Of(Translation original, Translation? translation)
    {
        var recorded = translation?.Front.TranslationOf.ToDictionary(t => t.Key, t => t.Value) ?? [];
        var hashes = TranslationHashes.Of(original).ToDictionary(h => h.Key, h => h.Hash);
        var drafts = translation?.Front.Drafts.Select(d => d.Value).ToHashSet(StringComparer.Ordinal) ?? [];
        PartState State(string key, bool translated, int untranslated) =>
            !translated ? PartState.Missing
            : drafts.Contains(key) ? PartState.Draft
            : recorded.TryGetValue(key, out var old) && old != hashes[key] ? PartState.Stale
            : untranslated > 0 ? PartState.Partial
            : old is null ? PartState.New
            : PartState.Current;

        var parts = ImmutableArray.CreateBuilder<PartCoverage>();

        // The head: title, subtitle and byline (where the original has them), then the lead's blocks.
        var headFields = new[] { (original.Front.Kicker, translation?.Front.Kicker), (original.Front.Title, translation?.Front.Title), (original.Front.Subtitle, translation?.Front.Subtitle), (original.Front.Byline, translation?.Front.Byline) }
            .Where(f => !string.IsNullOrEmpty(f.Item1)).ToList();
        var emptyFields = headFields.Count(f => string.IsNullOrEmpty(f.Item2));
        var (leadSlots, leadEmpty, leadLine) = Blocks(original.Lead, translation?.Lead ?? []);
        var headEmpty = emptyFields + leadEmpty;
        parts.Add(new PartCoverage(TranslationHashes.HeadKey, State(TranslationHashes.HeadKey, translation is { Title.Length: > 0 }, headEmpty),
            headFields.Count + leadSlots, headEmpty, headEmpty == 0 ? null : emptyFields > 0 ? translation?.Front.LineOf("title") ?? 1 : leadLine));

        foreach (var part in original.Sections)
        {
            var section = translation?.Sections.FirstOrDefault(s => s.Id == part.Id);
            var (slots, empty, line) = Blocks(part.Blocks, section?.Blocks ?? []);
            var headingEmpty = section is not { Heading.Length: > 0 } ? 1 : 0;
            empty += headingEmpty;
            parts.Add(new PartCoverage(part.Id, State(part.Id, headingEmpty == 0, empty), slots + 1, empty,
                empty == 0 ? null : headingEmpty == 1 ? section?.Line ?? 1 : line ?? section?.Line));
        }

        return new TranslationCoverage(parts.ToImmutable());
    }

    /// <summary>Slots pair by position: each block of the original has one; an unfilled slot, or one the file lacks, is empty.</summary>
    private static (int Slots, int Empty, int? Line) Blocks(ImmutableArray<Block> original, ImmutableArray<Block> translated)
    {
        var slots = original.Count(b => b is Paragraph or Figure);
        var unfilled = translated.OfType<Untranslated>().ToList();
        var filled = translated.Count(b => b is Paragraph or Figure);
        var empty = Math.Max(unfilled.Count, slots - filled);
        return (slots, Math.Min(empty, slots), unfilled.FirstOrDefault()?.Line);
    }
}
