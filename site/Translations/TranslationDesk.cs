using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Sources;

namespace ReportArchive.Translations;

/// <summary>One report open on the translator's desk: its original, and its translation file in one language as written (or a
/// new one). The desk adds slots, marks stale ones, fills and stamps them, and writes the file back; a translation already
/// written is never changed unless the translator's own XLIFF targets replace it.</summary>
public sealed partial class TranslationDesk(string input, Report report, LanguageSet languages, Language target, TranslationDocument original, TranslationDocument translation, string file, StampBasis basis)
{
    private static readonly string[] HeadFields = ["kicker", "title", "subtitle", "byline"];

    /// <summary>The archive's content folder: the only place the desk writes.</summary>
    public string Input { get; } = input;

    public LanguageSet Languages { get; } = languages;

    /// <summary>The language the desk translates into.</summary>
    public Language Target { get; } = target;

    public Report Report { get; } = report;

    /// <summary>The original as written: its slots' Markdown is what each translation slot translates.</summary>
    public TranslationDocument Original { get; } = original;

    public TranslationDocument Translation { get; } = translation;

    /// <summary>The translation file's path.</summary>
    public string File { get; } = file;

    /// <summary>What each part was stamped against (<c>stamped.en.yml</c> beside the translation).</summary>
    public StampBasis Basis { get; } = basis;

    /// <summary>The basis file's path.</summary>
    public string BasisFile => StampBasis.FileOf(Report.Directory, Target);

    /// <summary>The original's language key, which names the slot comments (<c>&lt;!-- zh: … --&gt;</c>).</summary>
    private string Lang => Languages.Original.Key;

    /// <summary>How a command names this report and language again (the language only when it is not the first translation).</summary>
    public string Command => Target == Languages.Translations[0] ? Report.Slug : $"{Report.Slug} --lang {Target.Key}";

    /// <summary>Opens a report by its folder or slug, for a translation into <paramref name="lang"/> (the archive's first
    /// translation language when null); prints why and returns null when it cannot be found or read.</summary>
    public static TranslationDesk? Open(string input, string report, string? lang, TextWriter stderr)
    {
        var languages = ArchiveFiles.SiteLanguages(input, stderr);
        if (languages is null)
        {
            return null;
        }

        if (ArchiveFiles.Target(languages, lang, stderr) is not { } target)
        {
            return null;
        }

        var bundle = ArchiveFiles.Find(input, report, languages);
        if (bundle is null)
        {
            stderr.WriteLine($"no report '{report}' in {input}/reports: give a report folder (input/reports/2023/some-slug) or its slug");
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var loaded = ReportLoader.Load(bundle, languages, diagnostics);
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (loaded is null || errors.Count > 0)
        {
            DiagnosticPrinter.Print(errors, stderr);
            stderr.WriteLine("fix these errors first: nothing was written");
            return null;
        }

        // The loader read both files through the one door and checked them; the desk reads them again as written (not normalised),
        // so that rewriting a file changes only what the desk is asked to change.
        var originalLang = languages.Original.Key;
        var original = TranslationDocument.Parse(System.IO.File.ReadAllText(Path.Combine(bundle, languages.Original.FileName)), originalLang);
        var path = Path.Combine(bundle, target.FileName);
        var translation = System.IO.File.Exists(path)
            ? TranslationDocument.Parse(System.IO.File.ReadAllText(path), originalLang)
            : new TranslationDocument { Front = [], Parts = [new DeskPart(TranslationHashes.HeadKey)] };
        if (StampBasis.Read(input, StampBasis.FileOf(bundle, target), diagnostics) is not { } basis)
        {
            DiagnosticPrinter.Print(diagnostics.Where(d => d.Severity == Severity.Error), stderr);
            stderr.WriteLine("fix these errors first (or delete the file: it only shows what changed since a stamp): nothing was written");
            return null;
        }

        return new TranslationDesk(input, loaded, languages, target, original, translation, path, basis);
    }

    /// <summary>The current fingerprint of each part of the original.</summary>
    public IReadOnlyDictionary<string, string> Hashes => TranslationHashes.Of(Report.Original).ToDictionary(h => h.Key, h => h.Hash);

    /// <summary>What <c>translation_of</c> records now.</summary>
    public Dictionary<string, string> Recorded =>
        Report.FileIn(Target.Key)?.Front.TranslationOf.ToDictionary(t => t.Key, t => t.Value) ?? [];

    /// <summary>The original's head fields that have a value: title, subtitle, byline.</summary>
    public IEnumerable<(string Key, string Value)> OriginalFields =>
        HeadFields.Select(k => (k, FrontMatterLines.Value(Original.Front, k) ?? "")).Where(f => f.Item2.Length > 0);

    /// <summary>The original's parts, the head first, in order.</summary>
    public IEnumerable<DeskPart> OriginalParts => Original.Parts.Where(p => p.IsHead || Report.Original.Sections.Any(s => s.Id == p.Key));

    /// <summary>Adds a slot for every part, heading, paragraph and caption of the original the file lacks (the original's text in
    /// a comment), refreshes the comments of empty slots, and marks the filled slots of stale parts whose original changed.</summary>
    public void AddSlots()
    {
        var states = TranslationCoverage.Of(Report.Original, Report.FileIn(Target.Key)).Parts.ToDictionary(p => p.Key, p => p.State);
        var front = Translation.Front;
        AddFrontSlots(front, states[TranslationHashes.HeadKey] == PartState.Stale, Basis.Parts.GetValueOrDefault(TranslationHashes.HeadKey));
        if (FrontMatterLines.Value(front, "translation_of") is null)
        {
            FrontMatterLines.SetMap(front, "translation_of", []);
        }

        var parts = new List<DeskPart>();
        foreach (var original in OriginalParts)
        {
            var part = Translation.Part(original.Key) ?? NewPart(original.Key);
            if (states.GetValueOrDefault(original.Key) == PartState.Stale && Basis.Parts.TryGetValue(original.Key, out var was))
            {
                StaleSlots.Refresh(part, original, was);
            }
            else
            {
                Refresh(part, original, states.GetValueOrDefault(original.Key) == PartState.Stale);
            }

            parts.Add(part);
        }

        // Parts the original no longer has are kept as written: check reports them, and nothing written by hand is lost.
        parts.AddRange(Translation.Parts.Where(p => !parts.Contains(p)));
        Translation.Parts.Clear();
        Translation.Parts.AddRange(parts);
    }

    /// <summary>Gives every field of the original's head a slot in the front matter, its original in a comment; marks a filled one
    /// whose original changed when the head is stale.</summary>
    private void AddFrontSlots(List<string> front, bool headStale, BasisPart? was)
    {
        foreach (var (key, value) in OriginalFields)
        {
            var before = was?.Fields.FirstOrDefault(f => f.Key == key).Value;
            var written = FrontMatterLines.Value(front, key);
            if (written is null)
            {
                FrontMatterLines.Set(front, key, "");
                written = "";
            }

            var comment = FrontMatterLines.Comment(front, key, Lang);
            if (written.Length == 0)
            {
                FrontMatterLines.SetComment(front, key, Lang, $": {value}");
            }
            else if (headStale && was is not null)
            {
                // What changed in the field since the stamp, or no comment when the field is as it was.
                FrontMatterLines.SetComment(front, key, Lang, before == value ? null : $" changed: {MarkdownText.Comment(ChangedText.Difference(before ?? "", value))}");
            }
            else if (headStale && comment?.EndsWith(": " + value, StringComparison.Ordinal) != true)
            {
                FrontMatterLines.SetComment(front, key, Lang, $" changed: {value}");
            }
        }
    }

    /// <summary>Gives a part a slot for each of the original part's heading, paragraphs and captions it lacks, refreshes the comments
    /// of its empty slots, and marks its filled slots whose original changed when it is stale.</summary>
    private static void Refresh(DeskPart part, DeskPart original, bool stale)
    {
        if (!part.IsHead && part.HeadingText.Length == 0)
        {
            part.HeadingComment = new SlotComment(0, SlotKind.Heading, false, original.HeadingText);
        }
        else if (!part.IsHead && stale && !Same(part.HeadingComment, original.HeadingText))
        {
            part.HeadingComment = new SlotComment(0, SlotKind.Heading, true, original.HeadingText);
        }

        for (var i = 0; i < original.Slots.Count; i++)
        {
            var source = original.Slots[i].Text ?? "";
            if (i >= part.Slots.Count)
            {
                part.Slots.Add(new DeskSlot { Comment = new SlotComment(0, SlotKind.Block, false, source) });
            }
            else if (part.Slots[i].Text is null)
            {
                part.Slots[i].Comment = new SlotComment(0, SlotKind.Block, false, source);
            }
            else if (stale && !Same(part.Slots[i].Comment, source))
            {
                part.Slots[i].Comment = new SlotComment(0, SlotKind.Block, true, source);
            }
        }
    }

    private static DeskPart NewPart(string key)
    {
        var part = new DeskPart(key);
        if (!part.IsHead)
        {
            part.SetHeading("");
        }

        return part;
    }

    /// <summary>Whether a slot comment shows this original text (as a comment can hold it).</summary>
    public static bool Same(SlotComment? comment, string original) =>
        comment is not null && comment.Text == MarkdownText.Comment(original);
}
