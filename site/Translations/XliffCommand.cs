using System.Text;
using System.Xml;
using System.Xml.Linq;
using ReportArchive.Cli;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>XLIFF 2.0, the OASIS exchange format that translation tools read (OmegaT, memoQ, Trados, Crowdin, Weblate): one
/// unit per head field, heading, paragraph and caption, grouped by section, with the section id and the original's fingerprint
/// in each unit's metadata. <c>export</c> writes the units still to do; <c>import</c> writes the translated targets into the
/// translation and stamps the parts it completed.</summary>
public static class XliffCommand
{
    public static readonly XNamespace Ns = "urn:oasis:names:tc:xliff:document:2.0";
    public static readonly XNamespace Mda = "urn:oasis:names:tc:xliff:metadata:2.0";
    private const string Category = "reportarchive";

    public static int Export(string input, string report, string? lang, string? outputFile, bool all, TextWriter stdout, TextWriter stderr)
    {
        if (TranslationDesk.Open(input, report, lang, stderr) is not { } desk)
        {
            return ExitCodes.ContentErrors;
        }

        var states = TranslationCoverage.Of(desk.Report.Original, desk.Report.FileIn(desk.Target.Key)).Parts.ToDictionary(p => p.Key, p => p.State);
        var hashes = desk.Hashes;
        var units = XliffUnits.Of(desk).Where(u => all || u.Target is null || states[u.Part] == PartState.Stale).ToList();
        var original = Path.GetRelativePath(input, Path.Combine(desk.Report.Directory, desk.Languages.Original.FileName)).Replace('\\', '/');
        var file = new XElement(Ns + "file", new XAttribute("id", desk.Report.Slug), new XAttribute("original", original),
            units.GroupBy(u => u.Part).Select(g => new XElement(Ns + "group", new XAttribute("id", g.Key), new XAttribute("name", g.Key),
                g.Select(u => Unit(u, hashes[u.Part], states[u.Part])))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "xliff", new XAttribute("version", "2.0"),
                new XAttribute("srcLang", desk.Languages.Original.Tag), new XAttribute("trgLang", desk.Target.Tag),
                new XAttribute(XNamespace.Xmlns + "mda", Mda), file));

        var path = outputFile ?? $"{desk.Report.Slug}.{desk.Target.Key}.xlf";
        using (var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        stdout.WriteLine($"Wrote {path}: {units.Count} unit{(units.Count == 1 ? "" : "s")} ({(all ? "all" : "untranslated and stale")}) of {desk.Report.Slug}, {desk.Languages.Original.Tag} -> {desk.Target.Tag}");
        return ExitCodes.Success;
    }

    private static XElement Unit(TranslationUnit unit, string fingerprint, PartState state)
    {
        var meta = new List<(string, string)> { ("section", unit.Part), ("fingerprint", fingerprint), ("kind", unit.Kind.ToString().ToLowerInvariant()), ("state", state.ToString().ToLowerInvariant()) };
        if (unit.Photo is { } photo)
        {
            meta.Add(("photo", photo));
        }

        var segment = new XElement(Ns + "segment", new XAttribute("state", unit.Target is null ? "initial" : "translated"),
            new XElement(Ns + "source", new XAttribute(XNamespace.Xml + "space", "preserve"), unit.Source));
        if (unit.Target is { } target)
        {
            segment.Add(new XElement(Ns + "target", new XAttribute(XNamespace.Xml + "space", "preserve"), target));
        }

        return new XElement(Ns + "unit", new XAttribute("id", unit.Id), new XAttribute("name", unit.Kind.ToString().ToLowerInvariant()),
            new XElement(Mda + "metadata", new XElement(Mda + "metaGroup", new XAttribute("category", Category),
                meta.Select(m => new XElement(Mda + "meta", new XAttribute("type", m.Item1), m.Item2)))),
            segment);
    }

    public static int Import(string input, string path, TextWriter stdout, TextWriter stderr)
    {
        var display = ReportLoader.Display(path);
        void Error(IXmlLineInfo? at, string code, string message) =>
            stderr.WriteLine($"{display}({at?.LineNumber ?? 1},{at?.LinePosition ?? 1}): error {code}: {message}");

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            stderr.WriteLine($"{display}({e.LineNumber},{e.LinePosition}): error RA401: malformed XML: {e.Message}; nothing was written");
            return ExitCodes.ContentErrors;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"{display}: error RA401: cannot read it: {e.Message}");
            return ExitCodes.ContentErrors;
        }

        var root = document.Root!;
        if (root.Name != Ns + "xliff" || (string?)root.Attribute("version") != "2.0")
        {
            Error(root, "RA402", $"not an XLIFF 2.0 file (the root is <{root.Name.LocalName}> in '{root.Name.NamespaceName}', version {(string?)root.Attribute("version") ?? "none"}): export one with 'xliff export'");
            return ExitCodes.ContentErrors;
        }

        if (TranslationDesk.SiteLanguages(input, stderr) is not { } languages)
        {
            return ExitCodes.ContentErrors;
        }

        // The target language is the translation language whose tag the file names.
        var (source, target) = ((string?)root.Attribute("srcLang") ?? "", (string?)root.Attribute("trgLang") ?? "");
        var language = languages.Translations.FirstOrDefault(l => l.Tag.Equals(target, StringComparison.OrdinalIgnoreCase));
        if (!source.Equals(languages.Original.Tag, StringComparison.OrdinalIgnoreCase) || language is null)
        {
            Error(root, "RA403", $"the language pair is {source} -> {target}; this archive translates {languages.Original.Tag} -> " +
                $"{string.Join(" or ", languages.Translations.Select(l => l.Tag))}: nothing was written");
            return ExitCodes.ContentErrors;
        }

        // Every file is checked before anything is written: one bad unit and nothing changes.
        var work = new List<(TranslationDesk Desk, List<(TranslationUnit Unit, string Target)> Filled, HashSet<string> Parts)>();
        var failed = false;
        foreach (var file in root.Elements(Ns + "file"))
        {
            var original = (string?)file.Attribute("original") ?? "";
            var bundle = Path.GetDirectoryName(Path.Combine(input, original));
            var desk = original.Length > 0 && !original.Contains("..", StringComparison.Ordinal) && bundle is not null
                && File.Exists(Path.Combine(input, original)) ? TranslationDesk.Open(input, bundle, language.Key, stderr) : null;
            if (desk is null)
            {
                Error(file, "RA404", $"<file original=\"{original}\"> names no report of {input}/: nothing was written");
                failed = true;
                continue;
            }

            desk.AddSlots();
            var units = XliffUnits.Of(desk).ToDictionary(u => u.Id);
            var filled = new List<(TranslationUnit, string)>();
            var parts = new HashSet<string>();
            var incomplete = new HashSet<string>();
            foreach (var element in file.Descendants(Ns + "unit"))
            {
                var id = (string?)element.Attribute("id") ?? "";
                if (!units.TryGetValue(id, out var unit))
                {
                    Error(element, "RA405", $"unit '{id}' is not a part of {original}: its units are {string.Join(", ", units.Keys.Take(8))}…");
                    failed = true;
                    continue;
                }

                var segments = element.Elements().Where(e => e.Name == Ns + "segment" || e.Name == Ns + "ignorable").ToList();
                var unitSource = string.Concat(segments.Select(s => s.Element(Ns + "source")?.Value ?? ""));
                if (unitSource != unit.Source)
                {
                    Error(element, "RA406", $"unit '{id}': its source changed since it was exported (the original now reads “{Shorten(unit.Source)}”): export again");
                    failed = true;
                    continue;
                }

                parts.Add(unit.Part);
                var targets = segments.Select(s => s.Element(Ns + "target")?.Value).ToList();
                if (targets.Any(t => t is null) || string.Concat(targets).Trim().Length == 0)
                {
                    incomplete.Add(unit.Part);
                    continue;
                }

                filled.Add((unit, string.Concat(targets)));
            }

            parts.ExceptWith(incomplete);
            work.Add((desk, filled, parts));
        }

        if (failed)
        {
            stderr.WriteLine("nothing was written");
            return ExitCodes.ContentErrors;
        }

        foreach (var (desk, filled, parts) in work)
        {
            filled.ForEach(f => XliffUnits.Fill(desk, f.Unit, f.Target));
            var (stamped, _) = desk.Stamp([.. parts.Where(p => desk.Complete(p, out _))]);
            desk.Save();
            stdout.WriteLine($"{ReportLoader.Display(desk.File)}: {filled.Count} unit{(filled.Count == 1 ? "" : "s")} written; stamped {(stamped.Count == 0 ? "nothing" : string.Join(", ", stamped))}; {desk.Summary()}");
        }

        return ExitCodes.Success;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
