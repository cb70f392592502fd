using System.Text;
using System.Xml;
using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Translations;

/// <summary>TMX 1.4b, the exchange format of translation memories: <c>tm export</c> writes the archive's memory for a
/// translator's own tool (one <c>&lt;tu&gt;</c> per pair, its origin as <c>tuid</c>, the text as a reader sees it), and
/// <c>tm import</c> keeps a tool's memory in <c>input/memory/</c>, whose pairs <c>translate</c> and <c>xliff export</c> offer
/// beside the archive's.</summary>
public static class Tmx
{
    public const string Folder = "memory";

    /// <summary>The pairs of the TMX files kept in <c>input/memory/</c> for this language pair (a file that cannot be read is left out).</summary>
    public static IEnumerable<MemoryPair> Kept(string input, Language source, Language target)
    {
        var folder = Path.Combine(input, Folder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.tmx").Order(StringComparer.Ordinal))
        {
            var errors = new List<Diagnostic>();
            foreach (var pair in Read(input, file, Path.GetRelativePath(input, file).Replace('\\', '/'), source, target, errors) ?? [])
            {
                yield return pair;
            }
        }
    }

    /// <summary>The pairs of a TMX file for the language pair (tags compared by their language: zh-CN for zh-Hans, en-GB for en);
    /// null after errors, added with their places.</summary>
    public static List<MemoryPair>? Read(string folder, string path, string display, Language source, Language target, List<Diagnostic> errors)
    {
        if (Sources.SourceFiles.ReadText(folder, path, display, errors) is not { } text)
        {
            return null;
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = XliffReader.MaxBytes };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            errors.Add(Diagnostic.Error("RA420", display, Math.Max(e.LineNumber, 1), $"malformed XML: {e.Message}", Math.Max(e.LinePosition, 1)));
            return null;
        }

        if (document.Root is not { Name.LocalName: "tmx" } root || root.Element("body") is not { } body)
        {
            errors.Add(Diagnostic.Error("RA420", display, 1, "not a TMX file (the root is not <tmx> with a <body>): export one as TMX 1.4"));
            return null;
        }

        var pairs = new List<MemoryPair>();
        foreach (var tu in body.Elements("tu"))
        {
            var (from, to) = (Variant(tu, source), Variant(tu, target));
            if (from is { Length: > 0 } && to is { Length: > 0 })
            {
                pairs.Add(new MemoryPair(from, from, to, to, $"{display}#{(string?)tu.Attribute("tuid") ?? ((IXmlLineInfo)tu).LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
            }
        }

        return pairs;
    }

    /// <summary>The text of a translation unit's variant in a language: its <c>&lt;seg&gt;</c>'s text (inline markup's text kept).</summary>
    private static string? Variant(XElement tu, Language language) =>
        tu.Elements("tuv").FirstOrDefault(v => Same((string?)v.Attribute(XNamespace.Xml + "lang") ?? (string?)v.Attribute("lang") ?? "", language.Tag))
            ?.Element("seg")?.Value.Trim();

    /// <summary>Whether two language tags name the same language (zh-Hans, zh-CN and zh; en, en-GB).</summary>
    public static bool Same(string tag, string other) =>
        tag.Split('-')[0].Equals(other.Split('-')[0], StringComparison.OrdinalIgnoreCase);

    /// <summary>The archive's memory as a TMX 1.4b document.</summary>
    public static XDocument Write(IEnumerable<MemoryPair> pairs, Language source, Language target) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement("tmx", new XAttribute("version", "1.4"),
                new XElement("header", new XAttribute("creationtool", "ReportArchive"), new XAttribute("creationtoolversion", "1"),
                    new XAttribute("segtype", "paragraph"), new XAttribute("o-tmf", "ReportArchive"), new XAttribute("adminlang", "en"),
                    new XAttribute("srclang", source.Tag), new XAttribute("datatype", "plaintext")),
                new XElement("body", pairs.Select(p => new XElement("tu", new XAttribute("tuid", p.Origin),
                    new XElement("tuv", new XAttribute(XNamespace.Xml + "lang", source.Tag), new XElement("seg", p.Source)),
                    new XElement("tuv", new XAttribute(XNamespace.Xml + "lang", target.Tag), new XElement("seg", p.Target)))))));

    public static int Export(string input, string? lang, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (ArchiveFiles.SiteLanguages(input, stderr) is not { } languages || ArchiveFiles.Target(languages, lang, stderr) is not { } target)
        {
            return ExitCodes.ContentErrors;
        }

        var memory = TranslationMemory.Of(input, languages, target, except: null);
        var path = output ?? $"memory.{target.Key}.tmx";
        using (var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            Write(memory.Pairs, languages.Original, target).Save(writer);
        }

        stdout.WriteLine($"Wrote {path}: {memory.Pairs.Count} translation unit{(memory.Pairs.Count == 1 ? "" : "s")}, {languages.Original.Tag} -> {target.Tag}");
        return ExitCodes.Success;
    }

    public static int Import(string input, string file, string? lang, TextWriter stdout, TextWriter stderr)
    {
        if (ArchiveFiles.SiteLanguages(input, stderr) is not { } languages || ArchiveFiles.Target(languages, lang, stderr) is not { } target)
        {
            return ExitCodes.ContentErrors;
        }

        var errors = new List<Diagnostic>();
        var (folder, display) = (Path.GetDirectoryName(Path.GetFullPath(file))!, Content.ReportLoader.Display(file));
        if (Read(folder, file, display, languages.Original, target, errors) is not { } read)
        {
            DiagnosticPrinter.Print(errors, stderr);
            stderr.WriteLine("nothing was written");
            return ExitCodes.ContentErrors;
        }

        var pairs = read.Select(p => p with { Origin = p.Origin[(display.Length + 1)..] }).ToList(); // each unit's own id, as the tool gave it
        var kept = Path.Combine(input, Folder, Path.GetFileNameWithoutExtension(file) + ".tmx");
        Sources.InputWrites.CreateFolder(input, Path.Combine(input, Folder));
        var document = Write(pairs, languages.Original, target);
        Sources.InputWrites.WriteText(input, kept, document.Declaration + "\n" + document.Root);
        stdout.WriteLine($"Kept {pairs.Count} translation unit{(pairs.Count == 1 ? "" : "s")} of {file} ({languages.Original.Tag} -> {target.Tag}) in {Content.ReportLoader.Display(kept)}: 'translate' and 'xliff export' offer them as matches");
        return ExitCodes.Success;
    }
}
