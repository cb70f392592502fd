using System.Text;
using System.Xml;
using System.Xml.Linq;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>XLIFF 2.0, the OASIS exchange format that translation tools read (OmegaT, memoQ, Trados, Crowdin, Weblate): one
/// unit per head field, heading, paragraph and caption, grouped by section, with the section id and the original's fingerprint
/// in each unit's metadata. <c>export</c> writes the units still to do; <c>import</c> writes the translated targets into the
/// translation and stamps the parts it completed.</summary>
public static class XliffCommand
{
    public static readonly XNamespace Ns = XliffReader.Ns;
    public static readonly XNamespace Mda = "urn:oasis:names:tc:xliff:metadata:2.0";
    public static readonly XNamespace Ctr = XliffModules.Ctr;
    private const string Category = "reportarchive";

    public static int Export(string input, string report, string? lang, string? outputFile, bool all, TextWriter stdout, TextWriter stderr)
    {
        if (TranslationDesk.Open(input, report, lang, stderr) is not { } desk)
        {
            return ExitCodes.ContentErrors;
        }

        if (DeskCommands.ArchiveTerms(input, desk.Languages, stderr) is not { } terms)
        {
            return ExitCodes.ContentErrors;
        }

        var memory = TranslationMemory.Of(input, desk.Languages, desk.Target, desk.Report.Directory);
        var states = TranslationCoverage.Of(desk.Report.Original, desk.Report.FileIn(desk.Target.Key)).Parts.ToDictionary(p => p.Key, p => p.State);
        var hashes = desk.Hashes;
        desk.AddSlots(); // in memory: a stale part's slots stand with the blocks they translate
        var units = XliffUnits.Of(desk).Where(u => all || u.Target is null || states[u.Part] == PartState.Stale).ToList();
        if (units.Count == 0)
        {
            // XLIFF 2.0 requires a unit in every <file>: an empty one is no file a tool could open.
            stdout.WriteLine($"Nothing to export: every unit of {desk.Report.Slug} is translated and current in {desk.Target.Name}; nothing was written (--all exports them all for review)");
            return ExitCodes.Success;
        }

        var original = Path.GetRelativePath(input, Path.Combine(desk.Report.Directory, desk.Languages.Original.FileName)).Replace('\\', '/');
        var file = new XElement(Ns + "file", new XAttribute("id", desk.Report.Slug), new XAttribute("original", original),
            units.GroupBy(u => u.Part).Select(g => new XElement(Ns + "group", new XAttribute("id", g.Key), new XAttribute("name", g.Key),
                g.Select(u => Unit(u, hashes[u.Part], states[u.Part], new UnitAids([.. terms.In(u.Source)], u.Kind == UnitKind.Paragraph ? memory.Lookup(desk.Original.Part(u.Part)!.Slots[u.Slot].Text ?? "") : [], desk.Target))))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Ns + "xliff", new XAttribute("version", "2.0"),
                new XAttribute("srcLang", desk.Languages.Original.Tag), new XAttribute("trgLang", desk.Target.Tag),
                new XAttribute(XNamespace.Xmlns + "mda", Mda), XliffModules.Declarations, file));

        var path = outputFile ?? $"{desk.Report.Slug}.{desk.Target.Key}.xlf";
        using (var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        stdout.WriteLine($"Wrote {path}: {units.Count} unit{(units.Count == 1 ? "" : "s")} ({(all ? "all" : "untranslated and stale")}) of {desk.Report.Slug}, {desk.Languages.Original.Tag} -> {desk.Target.Tag}");
        return ExitCodes.Success;
    }

    /// <summary>A unit: its metadata; for a source changed since its part was stamped, the source as it was (in the Change Tracking
    /// module, and in a note for tools that read only notes) and the state <c>initial</c>, so that a tool shows it as to do.</summary>
    private static XElement Unit(TranslationUnit unit, string fingerprint, PartState state, UnitAids aids)
    {
        var meta = new List<(string, string)> { ("section", unit.Part), ("fingerprint", fingerprint), ("kind", unit.Kind.ToString().ToLowerInvariant()), ("state", state.ToString().ToLowerInvariant()) };
        if (unit.Photo is { } photo)
        {
            meta.Add(("photo", photo));
        }

        // A paragraph's emphasis, links, line breaks and code go as inline codes, their Markdown in the unit's originalData.
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        var segment = new XElement(Ns + "segment", new XAttribute("id", "s1"), new XAttribute("state", unit.Target is null || unit.Previous is not null ? "initial" : "translated"),
            new XElement(Ns + "source", new XAttribute(XNamespace.Xml + "space", "preserve"), unit.SourceCoded is { } source ? XliffCodes.Content(source, data) : unit.Source));
        if (unit.Target is { } target)
        {
            segment.Add(new XElement(Ns + "target", new XAttribute(XNamespace.Xml + "space", "preserve"), unit.TargetCoded is { } coded ? XliffCodes.Content(coded, data) : target));
        }

        return new XElement(Ns + "unit", new XAttribute("id", unit.Id), new XAttribute("name", unit.Kind.ToString().ToLowerInvariant()),
            new XElement(Mda + "metadata", new XElement(Mda + "metaGroup", new XAttribute("category", Category),
                meta.Select(m => new XElement(Mda + "meta", new XAttribute("type", m.Item1), m.Item2)))),
            XliffModules.ChangeTrack(unit.Previous),
            XliffModules.Glossary(aids.Terms, aids.Target),
            XliffModules.Matches(aids.Matches, "s1"),
            XliffModules.Notes(unit.Previous),
            XliffCodes.OriginalData(data),
            segment);
    }

    public static int Import(string input, string path, TextWriter stdout, TextWriter stderr)
    {
        var display = ReportLoader.Display(path);
        var errors = new List<Diagnostic>();
        if (XliffReader.Read(path, display, errors) is not { } document)
        {
            return Refuse(errors, stderr);
        }

        if (ArchiveFiles.SiteLanguages(input, stderr) is not { } languages)
        {
            return ExitCodes.ContentErrors;
        }

        var language = TargetLanguage(document, languages);
        if (language is null)
        {
            errors.Add(Diagnostic.Error("RA403", display, document.Line, $"the language pair is {document.SourceLang} -> {document.TargetLang}; this archive translates " +
                $"{languages.Original.Tag} -> {string.Join(" or ", languages.Translations.Select(l => l.Tag))}", document.Column));
            return Refuse(errors, stderr);
        }

        // Every file is checked before anything is written: one bad unit and nothing changes.
        var work = Prepare(input, document, languages, language, display, errors, stderr);
        if (errors.Count > 0)
        {
            return Refuse(errors, stderr);
        }

        var terms = Termbase.Load(input, Path.Combine(input, Termbase.FileName), languages, []) ?? Termbase.Empty;
        foreach (var (desk, filled, stamped, notStamped) in work)
        {
            desk.Save();
            Review(desk, language, terms, stderr);
            stdout.WriteLine($"{ReportLoader.Display(desk.File)}: {filled.Count} unit{(filled.Count == 1 ? "" : "s")} written; stamped {(stamped.Count == 0 ? "nothing" : string.Join(", ", stamped))}" +
                $"{(notStamped.Count == 0 ? "" : "; not stamped: " + string.Join("; ", notStamped))}; {desk.Summary()}");
        }

        if (!language.Tag.Equals(document.TargetLang, StringComparison.OrdinalIgnoreCase))
        {
            stdout.WriteLine($"(the file's target language {document.TargetLang} was taken as the archive's {language.Tag}, {language.Name})");
        }

        return ExitCodes.Success;
    }

    /// <summary>The translator's quality checks (<see cref="TranslationQa"/>) on the translation as written, printed as warnings.</summary>
    private static void Review(TranslationDesk desk, Language language, Termbase terms, TextWriter stderr)
    {
        var warnings = new List<Diagnostic>();
        if (ReportLoader.Load(desk.Report.Directory, desk.Languages, []) is { } written && written.FileIn(language.Key) is { } translation)
        {
            TranslationQa.Check(written.Original, translation, language, terms, warnings);
        }

        DiagnosticPrinter.Print(warnings, stderr);
    }

    /// <summary>Each <c>&lt;file&gt;</c>'s report on the desk with its targets filled and its complete parts stamped, not saved yet;
    /// what is wrong with any of them is added to <paramref name="errors"/>.</summary>
    private static List<(TranslationDesk Desk, List<(TranslationUnit Unit, string Target)> Filled, List<string> Stamped, List<string> NotStamped)> Prepare(
        string input, XliffDocument document, LanguageSet languages, Language language, string display, List<Diagnostic> errors, TextWriter stderr)
    {
        var bundles = ReportLoader.FindBundles(input, languages)
            .ToDictionary(b => Path.GetRelativePath(input, Path.Combine(b, languages.Original.FileName)).Replace('\\', '/'), StringComparer.Ordinal);
        var opened = new Dictionary<string, XliffFile>(StringComparer.Ordinal);
        var work = new List<(TranslationDesk, List<(TranslationUnit, string)>, List<string>, List<string>)>();
        foreach (var read in document.Files)
        {
            // A file names a report by its original's path as exported: only the archive's own bundles are found, so no name
            // (absolute, '..', a drive, a share, an encoded form, a link) can lead the write anywhere else. A tool that wrote the
            // file again without its 'original' (as libraries that keep only ids do) names it by its id, the report's slug.
            var file = read.Original.Length == 0 && read.Id.Length > 0 && ArchiveFiles.Find(input, read.Id, languages) is { } found
                ? read with { Original = Path.GetRelativePath(input, Path.Combine(found, languages.Original.FileName)).Replace('\\', '/') }
                : read;
            var desk = bundles.TryGetValue(file.Original, out var bundle) ? TranslationDesk.Open(input, bundle, language.Key, stderr) : null;
            if (desk is null)
            {
                errors.Add(Diagnostic.Error("RA404", display, file.Line, $"<file original=\"{file.Original}\"> names no report of {input}/", file.Column));
            }
            else if (!opened.TryAdd(file.Original, file))
            {
                errors.Add(Diagnostic.Error("RA407", display, file.Line, $"<file original=\"{file.Original}\"> names the same report as the <file> at line {opened[file.Original].Line}: give each report once (merge its units into one <file>)", file.Column));
            }
            else if (XliffTargets.Units(desk, file, language, display, errors) is { } units)
            {
                units.Filled.ForEach(f => XliffUnits.Fill(desk, f.Unit, f.Target, f.Markdown));
                var outcome = desk.Stamp([.. units.Parts.Where(p => !units.Drafts.Contains(p) && desk.Complete(p, out _))], units.Confirmed);
                desk.MarkDrafts(units.Drafts, []);
                if (Encoding.UTF8.GetByteCount(desk.Text) > Sources.SourceFiles.MaxTextBytes)
                {
                    errors.Add(Diagnostic.Error("RA412", display, file.Line, $"the translation this makes of {ReportLoader.Display(desk.File)} would be larger than the {Sources.SourceFiles.MaxTextBytes >> 20} MB a report's file may have", file.Column));
                }

                var notes = units.Drafts.Select(d => $"{d} left as a draft (a target in state initial)")
                    .Concat(outcome.Refused.Select(r => $"{r.Key} still stale ({r.Why}: edit it, or mark its units reviewed)")).ToList();
                work.Add((desk, [.. units.Filled.Select(f => (f.Unit, f.Target))], outcome.Stamped, notes));
            }
        }

        return work;
    }

    /// <summary>The archive's translation language a file's target tag names: the same tag, or one with the same language (en-US,
    /// en-GB for en) when only one of the archive's translations has it.</summary>
    private static Language? TargetLanguage(XliffDocument document, LanguageSet languages)
    {
        static string Primary(string tag) => tag.Split('-')[0];
        if (!Primary(document.SourceLang).Equals(Primary(languages.Original.Tag), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return languages.Translations.FirstOrDefault(l => l.Tag.Equals(document.TargetLang, StringComparison.OrdinalIgnoreCase))
            ?? (languages.Translations.Where(l => Primary(l.Tag).Equals(Primary(document.TargetLang), StringComparison.OrdinalIgnoreCase)).ToList() is [var only] ? only : null);
    }

    private static int Refuse(List<Diagnostic> errors, TextWriter stderr)
    {
        DiagnosticPrinter.Print(errors, stderr);
        stderr.WriteLine("nothing was written");
        return ExitCodes.ContentErrors;
    }

}


/// <summary>What helps a translator with a unit: the termbase's terms its source holds, and the memory's matches.</summary>
internal sealed record UnitAids(IReadOnlyList<Configuration.Term> Terms, IReadOnlyList<MemoryMatch> Matches, Language Target);
