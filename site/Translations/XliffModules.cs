using System.Xml.Linq;
using ReportArchive.Configuration;

namespace ReportArchive.Translations;

/// <summary>What a unit carries besides its text, in the XLIFF 2.0 modules tools read: the source as it was when its section was
/// stamped (Change Tracking, <c>ctr</c>, and a note for tools that read only notes), the termbase's terms its source holds
/// (Glossary, <c>gls</c>), and the archive's memory matches (Translation Candidates, <c>mtc</c>).</summary>
public static class XliffModules
{
    public static readonly XNamespace Ctr = "urn:oasis:names:tc:xliff:changetracking:2.0";
    public static readonly XNamespace Gls = "urn:oasis:names:tc:xliff:glossary:2.0";
    public static readonly XNamespace Mtc = "urn:oasis:names:tc:xliff:matches:2.0";
    private static readonly XNamespace Ns = XliffReader.Ns;

    /// <summary>The namespace declarations of the modules, for the root element.</summary>
    public static IEnumerable<XAttribute> Declarations =>
        [new(XNamespace.Xmlns + "ctr", Ctr), new(XNamespace.Xmlns + "gls", Gls), new(XNamespace.Xmlns + "mtc", Mtc)];

    public static XElement? ChangeTrack(string? previous) =>
        previous is null ? null
            : new XElement(Ctr + "changeTrack", new XElement(Ctr + "revisions", new XAttribute("appliesTo", "source"),
                new XElement(Ctr + "revision", new XElement(Ctr + "item", new XAttribute("property", "content"), previous))));

    public static XElement? Notes(string? previous) =>
        previous is null ? null
            : new XElement(Ns + "notes", new XElement(Ns + "note", new XAttribute("category", "previous-source"), new XAttribute("appliesTo", "source"),
                "The original changed since this unit's translation was stamped. It read: " + previous));

    public static XElement? Glossary(IReadOnlyList<Term> terms, Language target) =>
        terms.Count == 0 ? null
            : new XElement(Gls + "glossary", terms.Select(t => new XElement(Gls + "glossEntry",
                new XElement(Gls + "term", new XAttribute("source", Termbase.FileName), t.Source),
                t.Targets.TryGetValue(target.Key, out var translation) ? new XElement(Gls + "translation", translation) : null,
                t.Note is { } note ? new XElement(Gls + "definition", note) : null)));

    /// <summary>The matches, each referring to the unit's segment (<c>#s1</c>), with its similarity and where it comes from.</summary>
    public static XElement? Matches(IReadOnlyList<MemoryMatch> matches, string segment) =>
        matches.Count == 0 ? null
            : new XElement(Mtc + "matches", matches.Select(m => new XElement(Mtc + "match", new XAttribute("ref", "#" + segment),
                new XAttribute("similarity", m.Similarity.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)),
                new XAttribute("type", "tm"), new XAttribute("origin", m.Pair.Origin),
                new XElement(Ns + "source", m.Pair.Source), new XElement(Ns + "target", m.Pair.Target))));
}
