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
            else if (Units(desk, file, language, display, errors) is { } units)
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

    /// <summary>The units of one <c>&lt;file&gt;</c> checked against the report's: each target joined from its pieces; the parts
    /// every unit of which it completes; the parts it leaves as drafts (a target it changes is in state <c>initial</c>); and the
    /// parts whose every unit a reviewer confirmed (state <c>reviewed</c> or <c>final</c>). Null after errors.</summary>
    private static ImportedUnits? Units(TranslationDesk desk, XliffFile file, Language language, string display, List<Diagnostic> errors)
    {
        desk.AddSlots();
        var units = XliffUnits.Of(desk).ToDictionary(u => u.Id);
        var imported = new ImportedUnits([], [], [], []);
        var (incomplete, unconfirmed) = (new HashSet<string>(), new HashSet<string>());
        var count = errors.Count;
        foreach (var element in file.Units)
        {
            if (!units.TryGetValue(element.Id, out var unit))
            {
                errors.Add(Diagnostic.Error("RA405", display, element.Line, $"unit '{element.Id}' is not a part of {file.Original}: its units are {string.Join(", ", units.Keys.Take(8))}…", element.Column));
                continue;
            }

            // A tool that wrote the file again may have indented the source around its codes: whitespace is not compared.
            if (!Squeezed(Join(element.Pieces.Select(p => (p.Source, p.Ignorable)), desk.Languages.Original)).SequenceEqual(Squeezed(unit.Source)))
            {
                errors.Add(Diagnostic.Error("RA406", display, element.Line, $"unit '{element.Id}': its source changed since it was exported (the original now reads “{Shorten(unit.Source)}”): export again", element.Column));
                continue;
            }

            imported.Parts.Add(unit.Part);
            var target = element.Pieces.Any(p => p.Target is null) ? null : Join(element.Pieces.Select(p => (p.Target!, p.Ignorable)), language);
            if (target is null || target.Trim().Length == 0)
            {
                incomplete.Add(unit.Part);
                continue;
            }

            var (markdown, mismatch) = Coded(unit, element, language);
            if (mismatch is not null)
            {
                errors.Add(Diagnostic.Error("RA413", display, element.Line, $"unit '{element.Id}': the target's inline codes do not match: {mismatch}; give back every code of the source, once each, around the text it marks", element.Column));
                continue;
            }

            if (unit.Kind == UnitKind.Paragraph && markdown is null)
            {
                target = unit.Target!; // its text and codes as exported: the paragraph stays as written, whatever whitespace the tool changed
            }

            var state = UnitState(element);
            if (state == "initial" && (target != unit.Target || markdown is not null))
            {
                imported.Drafts.Add(unit.Part);
            }

            if (state is not ("reviewed" or "final"))
            {
                unconfirmed.Add(unit.Part);
            }

            imported.Filled.Add((unit, target, markdown));
        }

        imported.Parts.ExceptWith(incomplete);
        imported.Confirmed.UnionWith(imported.Parts.Except(unconfirmed));
        return errors.Count > count ? null : imported;
    }

    /// <summary>A paragraph's target as Markdown, its codes checked against those it must give back: null when it is as exported
    /// (the paragraph stays as written); the mismatch when a code is lost, added, doubled or misplaced.</summary>
    private static (string? Markdown, string? Mismatch) Coded(TranslationUnit unit, XliffUnit element, Language language)
    {
        var tokens = new List<CodeToken>();
        var afterSegment = false;
        foreach (var piece in element.Pieces.Where(p => (p.Target ?? "").Length > 0 || p.TargetElement?.HasElements == true))
        {
            string? problem = null;
            var text = piece.Ignorable ? [new TextToken(piece.Target!)] : XliffCodes.Tokens(piece.TargetElement!, out problem);
            if (text is null)
            {
                return (null, problem);
            }

            if (language.ReadingUnit == ReadingUnit.Words && afterSegment && !piece.Ignorable && tokens.LastOrDefault() is TextToken { Text: [.., var last] } && !char.IsWhiteSpace(last)
                && text.FirstOrDefault() is TextToken { Text: [var first, ..] } && !char.IsWhiteSpace(first))
            {
                tokens.Add(new TextToken(" "));
            }

            tokens.AddRange(text);
            afterSegment = !piece.Ignorable;
        }

        if (unit.Kind != UnitKind.Paragraph)
        {
            return (null, tokens.Any(t => t is not TextToken) ? "a heading, a caption or a head field carries no code" : null);
        }

        if (XliffCodes.Mismatch(tokens, unit.Codes) is { } mismatch)
        {
            return (null, mismatch);
        }

        var merged = Merge(tokens);
        return unit.TargetCoded is { } exported && merged.SequenceEqual(exported.Tokens) ? (null, null)
            : (CodedText.ToMarkdown(merged, unit.Codes.ToDictionary(c => c.Id)), null);
    }

    /// <summary>Neighbouring text tokens made one, the text's ends trimmed, as a coded text's tokens are.</summary>
    private static List<CodeToken> Merge(List<CodeToken> tokens) =>
        CodedText.FromTokens(tokens).Tokens.ToList();

    /// <summary>The least advanced state of a unit's segments. A segment without one is taken as <c>translated</c>: XLIFF 2.0 makes
    /// it <c>initial</c>, but a tool that writes no state has no review step, and its targets are the translator's word.</summary>
    private static string UnitState(XliffUnit unit)
    {
        string[] order = ["initial", "translated", "reviewed", "final"];
        return unit.Pieces.Where(p => !p.Ignorable).Select(p => p.State ?? "translated")
            .MinBy(s => Array.IndexOf(order, s) is var i and >= 0 ? i : 0) ?? "translated";
    }

    /// <summary>A unit's pieces joined as the language writes sentences: two segments side by side with a space between them where
    /// it separates words by spaces (unless one is there already), with none where it does not (Chinese); an ignorable as it is.</summary>
    public static string Join(IEnumerable<(string Text, bool Ignorable)> pieces, Language language)
    {
        var text = new StringBuilder();
        var afterSegment = false;
        foreach (var (piece, ignorable) in pieces.Where(p => p.Text.Length > 0))
        {
            if (language.ReadingUnit == ReadingUnit.Words && afterSegment && !ignorable && !char.IsWhiteSpace(text[^1]) && !char.IsWhiteSpace(piece[0]))
            {
                text.Append(' ');
            }

            text.Append(piece);
            afterSegment = !ignorable;
        }

        return text.ToString();
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

    private static IEnumerable<char> Squeezed(string text) => text.Where(c => !char.IsWhiteSpace(c));

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>What an XLIFF file gives one report: targets to write, the parts it completes, those it leaves as drafts, and those a
/// reviewer confirmed.</summary>
internal sealed record ImportedUnits(List<(TranslationUnit Unit, string Target, string? Markdown)> Filled, HashSet<string> Parts, HashSet<string> Drafts, HashSet<string> Confirmed);

/// <summary>What helps a translator with a unit: the termbase's terms its source holds, and the memory's matches.</summary>
internal sealed record UnitAids(IReadOnlyList<Configuration.Term> Terms, IReadOnlyList<MemoryMatch> Matches, Language Target);
