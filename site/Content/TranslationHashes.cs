using System.Collections.Immutable;
using ReportArchive.Build;

namespace ReportArchive.Content;

/// <summary>Fingerprints of the original, part by part, that a translation records in <c>translation_of</c>
/// so that a later edit of one section marks only that section's translation as stale.</summary>
public static class TranslationHashes
{
    /// <summary>The key for the title, subtitle, byline and lead (everything before the first section).</summary>
    public const string HeadKey = "head";

    public static ImmutableArray<(string Key, string Hash)> Of(Translation original)
    {
        // A kicker counts when there is one; without it the head hashes as it always did, so no translation goes stale.
        var head = (original.Front.Kicker is { } kicker ? [kicker] : Array.Empty<string?>())
            .Concat([original.Front.Title, original.Front.Subtitle, original.Front.Byline])
            .Concat(original.Lead.Select(TextOf));
        return [(HeadKey, Hash(head)), .. original.Sections.Select(s => (s.Id, Hash(s.Blocks.Select(TextOf).Prepend(s.Heading))))];
    }

    private static string? TextOf(Block block) => block switch
    {
        Paragraph p => p.Text,
        Figure f => $"{f.Source}\u001f{f.Caption}",
        _ => null,
    };

    private static string Hash(IEnumerable<string?> parts)
    {
        var text = string.Join('\n', parts.Select(p => (p ?? "").Trim()));
        return Hashes.Hex(text, 12);
    }
}
