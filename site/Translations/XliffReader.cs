using System.Xml;
using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Sources;

namespace ReportArchive.Translations;

/// <summary>A piece of a unit, in order: a segment (its target null while it is not translated) or an ignorable (whitespace or
/// markup between segments, its source standing for its target when it has none, as XLIFF 2.0 merges it).</summary>
public sealed record XliffPiece(string Source, string? Target, bool Ignorable)
{
    /// <summary>The target element as written (its inline codes), when there is one.</summary>
    public System.Xml.Linq.XElement? TargetElement { get; init; }

    /// <summary>A segment's <c>state</c> as written (<c>initial</c>, <c>translated</c>, <c>reviewed</c>, <c>final</c>); null when it has none.</summary>
    public string? State { get; init; }
}

/// <summary>A unit of an XLIFF file as read: its id, its pieces, and where it stands.</summary>
public sealed record XliffUnit(string Id, IReadOnlyList<XliffPiece> Pieces, int Line, int Column);

/// <summary>A <c>&lt;file&gt;</c> element: the report it names (<c>original</c>) and its units, and where it stands.</summary>
public sealed record XliffFile(string Original, IReadOnlyList<XliffUnit> Units, int Line, int Column)
{
    /// <summary>The file's id (the report's slug, as exported).</summary>
    public string Id { get; init; } = "";
}

/// <summary>An XLIFF 2.0 document: its language pair and its files.</summary>
public sealed record XliffDocument(string SourceLang, string TargetLang, IReadOnlyList<XliffFile> Files, int Line, int Column);

/// <summary>Reads an XLIFF 2.0 file a translation tool gives back, refusing what the desk cannot keep (a file too large or nested too
/// deep to be a report's translation, the same report or unit twice, inline codes) at its line and column, so that nothing the
/// file carries is lost without a word.</summary>
public static class XliffReader
{
    /// <summary>More than a translation of many reports needs (each of their files is at most 8 MB).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>Elements nested deeper than this are no XLIFF a tool writes for a report (xliff, file, groups, unit, segment, target).</summary>
    public const int MaxDepth = 16;

    public static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:2.0";

    private static readonly HashSet<string> Codes = ["pc", "ph", "sc", "ec", "cp", "mrk"];

    /// <summary>The document, or null after adding errors at their places (<paramref name="display"/> names the file in them).</summary>
    public static XliffDocument? Read(string path, string display, List<Diagnostic> errors)
    {
        var size = new FileInfo(path) is { Exists: true } info ? info.Length : -1;
        if (size > MaxBytes)
        {
            errors.Add(Diagnostic.Error("RA411", display, 1, $"the file is {size / 1048576.0:0.0} MB, more than the {MaxBytes >> 20} MB an XLIFF file may have here: export fewer reports at a time"));
            return null;
        }

        if (Load(path, display, errors) is not { Root: { } root })
        {
            return null;
        }

        if (root.Name != Ns + "xliff" || (string?)root.Attribute("version") != "2.0")
        {
            errors.Add(At(root, "RA402", display, $"not an XLIFF 2.0 file (the root is <{root.Name.LocalName}> in '{root.Name.NamespaceName}', version {(string?)root.Attribute("version") ?? "none"}): export one with 'xliff export'"));
            return null;
        }

        var files = new List<XliffFile>();
        foreach (var file in root.Elements(Ns + "file"))
        {
            var units = new List<XliffUnit>();
            var seen = new Dictionary<string, XElement>();
            foreach (var unit in file.Descendants(Ns + "unit"))
            {
                var id = (string?)unit.Attribute("id") ?? "";
                if (seen.TryGetValue(id, out var first))
                {
                    errors.Add(At(unit, "RA408", display, $"unit '{id}' is here a second time (first at line {Line(first).Line}): each unit may be given once"));
                    continue;
                }

                seen[id] = unit;
                if (Pieces(unit, id, display, errors) is { } pieces)
                {
                    var (line, column) = Line(unit);
                    units.Add(new XliffUnit(id, pieces, line, column));
                }
            }

            var (fileLine, fileColumn) = Line(file);
            files.Add(new XliffFile((string?)file.Attribute("original") ?? "", units, fileLine, fileColumn) { Id = (string?)file.Attribute("id") ?? "" });
        }

        var (rootLine, rootColumn) = Line(root);
        return new XliffDocument((string?)root.Attribute("srcLang") ?? "", (string?)root.Attribute("trgLang") ?? "", files, rootLine, rootColumn);
    }

    /// <summary>The unit's segments and ignorables in order; null after an error when one holds an inline code or a control character.</summary>
    private static List<XliffPiece>? Pieces(XElement unit, string id, string display, List<Diagnostic> errors)
    {
        var pieces = new List<XliffPiece>();
        foreach (var piece in unit.Elements().Where(e => e.Name == Ns + "segment" || e.Name == Ns + "ignorable"))
        {
            var (source, target) = (piece.Element(Ns + "source"), piece.Element(Ns + "target"));
            // Inline codes are XLIFF's own (<pc>, <ph>, <sc>/<ec>, <cp>, and <mrk> around text); anything else would be lost.
            if (new[] { source, target }.OfType<XElement>().SelectMany(e => e.Descendants()).FirstOrDefault(e => e.Name.Namespace != Ns || !Codes.Contains(e.Name.LocalName)) is { } code)
            {
                errors.Add(At(code, "RA409", display, $"unit '{id}' holds <{code.Name.LocalName}>, which is no inline code this archive's units carry (they carry <pc>, <ph>, <sc>/<ec>, <cp> and <mrk>): remove it and import again"));
                return null;
            }

            if (target?.Value is { } text && text.FirstOrDefault(SourceFiles.IsForbidden) is var bad and not '\0')
            {
                errors.Add(At(target, "RA410", display, $"unit '{id}': the target holds a control character U+{(int)bad:X4}, which a report's text may not: remove it"));
                return null;
            }

            var ignorable = piece.Name == Ns + "ignorable";
            pieces.Add(new XliffPiece(source?.Value ?? "", ignorable ? target?.Value ?? source?.Value ?? "" : target?.Value, ignorable)
            {
                State = ignorable ? null : (string?)piece.Attribute("state"),
                TargetElement = ignorable ? null : target,
            });
        }

        return pieces;
    }

    /// <summary>The document, read once to check its depth (a deeply nested file costs a tree walk per level) and once into a tree.</summary>
    private static XDocument? Load(string path, string display, List<Diagnostic> errors)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxBytes };
        try
        {
            using (var reader = XmlReader.Create(path, settings))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        var at = (IXmlLineInfo)reader;
                        errors.Add(Diagnostic.Error("RA411", display, at.LineNumber, $"elements are nested more than {MaxDepth} levels deep here (<{reader.LocalName}>); an XLIFF file of reports needs far fewer", at.LinePosition));
                        return null;
                    }
                }
            }

            using var again = XmlReader.Create(path, settings);
            return XDocument.Load(again, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            errors.Add(Diagnostic.Error("RA401", display, Math.Max(e.LineNumber, 1), $"malformed XML: {e.Message}", Math.Max(e.LinePosition, 1)));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(Diagnostic.Error("RA401", display, 1, $"cannot read it: {e.Message}"));
            return null;
        }
    }

    private static (int Line, int Column) Line(IXmlLineInfo at) => (Math.Max(at.LineNumber, 1), Math.Max(at.LinePosition, 1));

    private static Diagnostic At(IXmlLineInfo at, string code, string display, string message) =>
        Diagnostic.Error(code, display, Line(at).Line, message, Line(at).Column);
}
