using System.Collections.Immutable;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>TBX (ISO 30042), the exchange format of termbases, in its TBX-Basic dialect: <c>terms export</c> writes
/// <c>input/terms.yml</c> as one <c>&lt;termEntry&gt;</c> per term (the original's term, each translation preferred, the forbidden
/// variants deprecated, the note as the definition); <c>terms import</c> adds a tool's entries to <c>terms.yml</c> (TBX-Basic of
/// 2008, <c>&lt;martif&gt;</c>, or of 2019, <c>&lt;tbx&gt;</c> with <c>&lt;conceptEntry&gt;</c>), never changing a term it has.</summary>
public static class Tbx
{
    private const string Preferred = "preferredTerm-admn-sts";
    private const string Deprecated = "deprecatedTerm-admn-sts";

    public static XDocument Write(Termbase terms, LanguageSet languages)
    {
        var header = new XElement("martifHeader", new XElement("fileDesc", new XElement("sourceDesc", new XElement("p", $"The archive's termbase ({Termbase.FileName})"))));
        var body = new XElement("body", terms.Terms.OrderBy(t => t.Line).Select((t, i) => Entry(t, i + 1, languages)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("martif", new XAttribute("type", "TBX-Basic"), new XAttribute(XNamespace.Xml + "lang", languages.Original.Tag), header, new XElement("text", body)));
    }

    private static XElement Entry(Term term, int number, LanguageSet languages) =>
        new("termEntry", new XAttribute("id", $"t{number}"),
            term.Note is { } note ? new XElement("descrip", new XAttribute("type", "definition"), note) : null,
            new XElement("langSet", new XAttribute(XNamespace.Xml + "lang", languages.Original.Tag), Tig(term.Source, null)),
            languages.Translations.Where(l => term.Targets.ContainsKey(l.Key) || term.Forbidden.ContainsKey(l.Key)).Select(l =>
                new XElement("langSet", new XAttribute(XNamespace.Xml + "lang", l.Tag),
                    term.Targets.TryGetValue(l.Key, out var target) ? Tig(target, Preferred) : null,
                    term.Forbidden.GetValueOrDefault(l.Key, []).Select(v => Tig(v, Deprecated)))));

    private static XElement Tig(string term, string? status) =>
        new("tig", new XElement("term", term), status is null ? null : new XElement("termNote", new XAttribute("type", "administrativeStatus"), status));

    /// <summary>A TBX file's entries as terms (the original's language first found, each translation's preferred term, its
    /// deprecated ones forbidden); null after errors.</summary>
    public static List<Term>? Read(string folder, string path, string display, LanguageSet languages, List<Diagnostic> errors)
    {
        if (Sources.SourceFiles.ReadText(folder, path, display, errors) is not { } text)
        {
            return null;
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            errors.Add(Diagnostic.Error("RA421", display, Math.Max(e.LineNumber, 1), $"malformed XML: {e.Message}", Math.Max(e.LinePosition, 1)));
            return null;
        }

        var entries = document.Descendants().Where(e => e.Name.LocalName is "termEntry" or "conceptEntry").ToList();
        if (document.Root?.Name.LocalName is not ("martif" or "tbx"))
        {
            errors.Add(Diagnostic.Error("RA421", display, 1, $"not a TBX file (the root is <{document.Root?.Name.LocalName}>, not <martif> or <tbx>)"));
            return null;
        }

        return [.. entries.Select(e => Read(e, languages)).OfType<Term>()];
    }

    private static Term? Read(XElement entry, LanguageSet languages)
    {
        var sets = entry.Elements().Where(e => e.Name.LocalName is "langSet" or "langSec")
            .Select(s => (Tag: (string?)s.Attribute(XNamespace.Xml + "lang") ?? "", Terms: s.Descendants().Where(t => t.Name.LocalName == "term").ToList())).ToList();
        string? Status(XElement term) => term.Parent?.Elements().FirstOrDefault(n => n.Name.LocalName == "termNote" && (string?)n.Attribute("type") == "administrativeStatus")?.Value;
        var source = sets.FirstOrDefault(s => Tmx.Same(s.Tag, languages.Original.Tag)).Terms?.FirstOrDefault()?.Value.Trim();
        if (string.IsNullOrEmpty(source))
        {
            return null;
        }

        var targets = new Dictionary<string, string>();
        var forbidden = new Dictionary<string, System.Collections.Immutable.ImmutableArray<string>>();
        foreach (var language in languages.Translations)
        {
            var terms = sets.Where(s => Tmx.Same(s.Tag, language.Tag)).SelectMany(s => s.Terms).ToList();
            if (terms.FirstOrDefault(t => Status(t) is not (Deprecated or "deprecatedTerm" or "supersededTerm-admn-sts")) is { } preferred)
            {
                targets[language.Key] = preferred.Value.Trim();
            }

            var deprecated = terms.Where(t => Status(t) is Deprecated or "deprecatedTerm" or "supersededTerm-admn-sts").Select(t => t.Value.Trim()).ToList();
            if (deprecated.Count > 0)
            {
                forbidden[language.Key] = [.. deprecated];
            }
        }

        var note = entry.Descendants().FirstOrDefault(d => d.Name.LocalName == "descrip" && (string?)d.Attribute("type") == "definition")?.Value.Trim();
        return new Term(source, targets.ToImmutableDictionary(), note, forbidden.ToImmutableDictionary(), ((IXmlLineInfo)entry).LineNumber);
    }

    /// <summary>A term as <c>terms.yml</c> writes it.</summary>
    public static string Yaml(Term term, LanguageSet languages)
    {
        var text = new StringBuilder().Append(MarkdownText.Yaml(term.Source)).Append(":\n");
        foreach (var language in languages.Translations.Where(l => term.Targets.ContainsKey(l.Key)))
        {
            text.Append("  ").Append(language.Key).Append(": ").Append(MarkdownText.Yaml(term.Targets[language.Key])).Append('\n');
        }

        if (term.Note is { } note)
        {
            text.Append("  note: ").Append(MarkdownText.Yaml(note)).Append('\n');
        }

        if (term.Forbidden.Count > 0)
        {
            text.Append("  forbidden:\n");
            foreach (var (key, variants) in term.Forbidden)
            {
                text.Append("    ").Append(key).Append(": [").Append(string.Join(", ", variants.Select(MarkdownText.Yaml))).Append("]\n");
            }
        }

        return text.ToString();
    }
}
