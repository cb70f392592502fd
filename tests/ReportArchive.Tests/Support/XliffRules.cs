using System.Xml.Linq;

namespace ReportArchive.Tests.Support;

/// <summary>The rules of the OASIS XLIFF 2.0 core schema and of the modules the exports use (metadata, change tracking,
/// glossary, translation candidates), as a test can check them on a document: element order and content, required and
/// unique identifiers, attribute values, inline codes referring to the unit's original data. Returns what breaks them.</summary>
public static class XliffRules
{
    private static readonly XNamespace X = "urn:oasis:names:tc:xliff:document:2.0";
    private static readonly XNamespace Mda = "urn:oasis:names:tc:xliff:metadata:2.0";
    private static readonly XNamespace Ctr = "urn:oasis:names:tc:xliff:changetracking:2.0";
    private static readonly XNamespace Gls = "urn:oasis:names:tc:xliff:glossary:2.0";
    private static readonly XNamespace Mtc = "urn:oasis:names:tc:xliff:matches:2.0";
    private static readonly string[] States = ["initial", "translated", "reviewed", "final"];
    private static readonly string[] Inline = ["cp", "ph", "pc", "sc", "ec", "mrk", "sm", "em"];

    public static List<string> Problems(XDocument document)
    {
        var problems = new List<string>();
        void Require(bool holds, XElement at, string rule)
        {
            if (!holds)
            {
                problems.Add($"<{at.Name.LocalName}> line {((System.Xml.IXmlLineInfo)at).LineNumber}: {rule}");
            }
        }

        var root = document.Root!;
        Require(root.Name == X + "xliff", root, "the root is <xliff> in the XLIFF 2.0 namespace");
        Require((string?)root.Attribute("version") == "2.0", root, "version is 2.0");
        Require(!string.IsNullOrEmpty((string?)root.Attribute("srcLang")), root, "srcLang is given");
        Require(root.Descendants(X + "target").All(_ => root.Attribute("trgLang") is not null), root, "trgLang is given when there is a target");
        Require(root.Elements().Any() && root.Elements().All(e => e.Name == X + "file"), root, "<xliff> holds <file> elements only, at least one");
        Require(Unique(root.Elements(X + "file")), root, "file ids are given and unique");
        foreach (var file in root.Elements(X + "file"))
        {
            var structure = file.Descendants().Where(e => e.Name == X + "unit" || e.Name == X + "group").ToList();
            Require(structure.Any(e => e.Name == X + "unit"), file, "a <file> holds at least one <unit>");
            Require(Unique(structure), file, "unit and group ids are given and unique in their file");
            Require(file.Elements().Where(e => e.Name.Namespace == X).All(e => e.Name.LocalName is "skeleton" or "notes" or "unit" or "group"), file, "<file> holds skeleton, notes, units and groups");
            foreach (var group in file.Descendants(X + "group"))
            {
                Require(group.Elements().Where(e => e.Name.Namespace == X).All(e => e.Name.LocalName is "notes" or "unit" or "group"), group, "<group> holds notes, units and groups");
            }

            foreach (var unit in file.Descendants(X + "unit"))
            {
                Unit(unit, Require);
            }
        }

        Modules(root, Require);
        return problems;
    }

    private static void Unit(XElement unit, Action<bool, XElement, string> require)
    {
        var core = unit.Elements().Where(e => e.Name.Namespace == X).Select(e => e.Name.LocalName).ToList();
        var order = core.Select(n => n switch { "notes" => 0, "originalData" => 1, "segment" or "ignorable" => 2, _ => 9 }).ToList();
        require(order.All(o => o < 9) && order.SequenceEqual(order.Order()), unit, "a unit holds notes?, originalData?, then segments and ignorables, in that order");
        require(core.Count(n => n is "segment" or "ignorable") > 0, unit, "a unit holds a segment");
        require(core.Count(n => n == "notes") <= 1 && core.Count(n => n == "originalData") <= 1, unit, "notes and originalData at most once");
        var moduleAfterCore = unit.Elements().SkipWhile(e => e.Name.Namespace != X).Any(e => e.Name.Namespace != X);
        require(!moduleAfterCore, unit, "module elements come before the core elements");
        var data = unit.Element(X + "originalData")?.Elements(X + "data").Select(d => (string?)d.Attribute("id")).ToList() ?? [];
        require(data.All(d => d is not null) && data.Distinct().Count() == data.Count, unit, "original data ids are given and unique");
        var pieces = unit.Elements().Where(e => e.Name == X + "segment" || e.Name == X + "ignorable").ToList();
        require(Unique(pieces.Where(p => p.Attribute("id") is not null)), unit, "segment and ignorable ids are unique");
        foreach (var piece in pieces)
        {
            var state = (string?)piece.Attribute("state");
            require(piece.Name == X + "ignorable" || state is null || States.Contains(state), piece, "state is initial, translated, reviewed or final");
            require(piece.Elements(X + "source").Count() == 1 && piece.Elements(X + "target").Count() <= 1
                && piece.Elements().All(e => e.Name == X + "source" || e.Name == X + "target"), piece, "one source, at most one target");
            foreach (var text in piece.Elements())
            {
                require((string?)text.Attribute(XNamespace.Xml + "space") is null or "preserve" or "default", text, "xml:space is preserve or default");
                foreach (var code in text.Descendants())
                {
                    require(code.Name.Namespace == X && Inline.Contains(code.Name.LocalName), code, "source and target hold text and inline codes only");
                    require(code.Name.LocalName is "cp" or "ec" or "em" || code.Attribute("id") is not null, code, "an inline code has an id");
                    foreach (var reference in new[] { "dataRef", "dataRefStart", "dataRefEnd" }.Select(a => (string?)code.Attribute(a)).OfType<string>())
                    {
                        require(data.Contains(reference), code, $"data reference '{reference}' names a <data> of the unit");
                    }
                }
            }
        }

        var sourceIds = pieces.SelectMany(p => p.Elements(X + "source").Descendants()).Select(c => (string?)c.Attribute("id")).OfType<string>().ToList();
        require(sourceIds.Distinct().Count() == sourceIds.Count, unit, "inline code ids are unique in a unit's source");
    }

    private static void Modules(XElement root, Action<bool, XElement, string> require)
    {
        foreach (var metadata in root.Descendants(Mda + "metadata"))
        {
            require(metadata.Elements().Any() && metadata.Elements().All(e => e.Name == Mda + "metaGroup"), metadata, "mda:metadata holds mda:metaGroup elements");
            require(metadata.Descendants(Mda + "meta").All(m => m.Attribute("type") is not null && !m.HasElements), metadata, "each mda:meta has a type and text");
        }

        foreach (var track in root.Descendants(Ctr + "changeTrack"))
        {
            require(track.Elements().All(e => e.Name == Ctr + "revisions" && e.Attribute("appliesTo") is not null && e.Elements(Ctr + "revision").Any()), track,
                "ctr:changeTrack holds ctr:revisions with appliesTo and a ctr:revision");
            require(track.Descendants(Ctr + "item").All(i => i.Attribute("property") is not null), track, "each ctr:item has a property");
        }

        foreach (var entry in root.Descendants(Gls + "glossEntry"))
        {
            require(entry.Elements(Gls + "term").Count() == 1 && entry.Elements(Gls + "definition").Count() <= 1, entry, "gls:glossEntry holds one gls:term and at most one gls:definition");
            require(entry.Parent?.Name == Gls + "glossary", entry, "gls:glossEntry stands in gls:glossary");
        }

        foreach (var match in root.Descendants(Mtc + "match"))
        {
            var reference = (string?)match.Attribute("ref") ?? "";
            var unit = match.Ancestors(X + "unit").FirstOrDefault();
            require(reference.StartsWith('#') && unit?.Elements(X + "segment").Any(s => "#" + (string?)s.Attribute("id") == reference) == true, match, "mtc:match refers to a segment of its unit");
            require(match.Elements(X + "source").Count() == 1 && match.Elements(X + "target").Count() == 1, match, "mtc:match holds one source and one target");
            require(double.TryParse((string?)match.Attribute("similarity") ?? "0", System.Globalization.CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 100, match, "similarity is from 0 to 100");
        }
    }

    private static bool Unique(IEnumerable<XElement> elements)
    {
        var ids = elements.Select(e => (string?)e.Attribute("id")).ToList();
        return ids.All(id => !string.IsNullOrEmpty(id)) && ids.Distinct().Count() == ids.Count;
    }
}
