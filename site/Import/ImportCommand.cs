using System.Globalization;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace ReportArchive.Import;

/// <summary>The <c>import</c> command: raw text in, a draft bundle <c>reports/&lt;yyyy&gt;/&lt;slug&gt;/</c> out,
/// with a generated stand-in for each photo the captions name.</summary>
public static class ImportCommand
{
    /// <summary>Imports a page's text file, or every <c>.txt</c> file of a folder (one summary line per draft; exit 1 if any failed).</summary>
    public static int Run(string path, string input, string? slug, string? dateText, bool force, TextWriter stdout, TextWriter stderr, string? encoding = null)
    {
        DateOnly? date = null;
        if (dateText is not null)
        {
            if (!Arguments.TryDate(dateText, stderr, out var parsed))
            {
                return ExitCodes.Usage;
            }

            date = parsed;
        }

        if (slug is not null && !Arguments.IsSlug(slug, stderr))
        {
            return ExitCodes.Usage;
        }

        if (!Directory.Exists(path))
        {
            return ImportFile(new FileInfo(path), input, slug, date, force, stdout, stderr, encoding);
        }

        if (slug is not null)
        {
            stderr.WriteLine("--slug names one report: leave it out when importing a folder (each draft is named from its file)");
            return ExitCodes.Usage;
        }

        var files = Directory.EnumerateFiles(path, "*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            stderr.WriteLine($"{path} holds no .txt files to import");
            return ExitCodes.ContentErrors;
        }

        var failed = files.Count(f => ImportFile(new FileInfo(f), input, null, date, force, stdout, stderr, encoding, batch: true) != ExitCodes.Success);
        stdout.WriteLine($"Imported {files.Count - failed} of {files.Count} files from {path}{(failed > 0 ? $"; {failed} failed, and wrote nothing" : "")}");
        return failed > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static int ImportFile(FileInfo file, string input, string? slug, DateOnly? date, bool force, TextWriter stdout, TextWriter stderr, string? encoding, bool batch = false)
    {
        var shown = Content.ReportLoader.Display(file.FullName);
        void Error(int line, string message, string code = "RA300") => DiagnosticPrinter.Print([Diagnostic.Error(code, shown, line, message)], stderr);

        List<Draft> drafts;
        try
        {
            if (!file.Exists)
            {
                Error(1, "the file does not exist");
                return ExitCodes.ContentErrors;
            }

            var (text, _) = RawText.Decode(RawText.Read(file), encoding);
            drafts = NewspaperImporter.ImportAll(text, date);
        }
        catch (ImportException e)
        {
            Error(e.Line, e.Message, e.Code);
            return ExitCodes.ContentErrors;
        }
        catch (IOException e)
        {
            Error(1, $"the file cannot be read: {e.Message}");
            return ExitCodes.ContentErrors;
        }

        // Each report of the page gets its own bundle; all are checked before any is written.
        // A draft is named by --slug, or in a folder by its file's name, or else by a hash of its headline; the page's later
        // reports add -2, -3.
        var stem = Path.GetFileNameWithoutExtension(file.Name).ToLowerInvariant();
        string Name(int i, Draft draft) =>
            slug is not null ? (i == 0 ? slug : $"{slug}-{i + 1}")
            : batch && Slugs.IsValid(stem) ? (i == 0 ? stem : $"{stem}-{i + 1}")
            : "report-" + Hashes.Hex(draft.Title, 8);
        var bundles = drafts.Select((draft, i) => (Draft: draft, Slug: Name(i, draft),
            Path: Path.Combine(input, "reports", draft.Date.Year.ToString("D4", CultureInfo.InvariantCulture), Name(i, draft)))).ToList();
        foreach (var existing in bundles.Where(b => Directory.Exists(b.Path) && !force))
        {
            stderr.WriteLine($"{existing.Path} already exists: choose another --slug, or add --force to replace the draft; nothing was written");
            return ExitCodes.ContentErrors;
        }

        // The draft is the original: its file is named by the archive's original language (site.yml), index.zh.md by default.
        var originalFile = (Translations.ArchiveFiles.SiteLanguages(input, TextWriter.Null) ?? Configuration.LanguageSet.Default).Original.FileName;
        Parallel.ForEach(bundles, b => Write(input, b.Draft, b.Slug, b.Path, originalFile));

        Report(shown, drafts, [.. bundles.Select(b => b.Path)], stdout, stderr);
        return ExitCodes.Success;
    }

    /// <summary>What an import did: the page furniture it removed, its warnings, and each draft written.</summary>
    private static void Report(string shown, List<Draft> drafts, List<string> bundles, TextWriter stdout, TextWriter stderr)
    {
        foreach (var line in drafts[0].Removed)
        {
            stdout.WriteLine($"{shown}({line.Line}): removed page furniture ({line.What}): {line.Text}");
        }

        foreach (var warning in drafts.SelectMany(d => d.Warnings))
        {
            DiagnosticPrinter.Print([Diagnostic.Warning("RA310", shown, warning.Line, warning.Message)], stderr);
        }

        foreach (var (draft, bundle) in drafts.Zip(bundles))
        {
            var captions = draft.Captions.Count();
            stdout.WriteLine($"Imported '{draft.Title}': {draft.Sections.Count} sections, {draft.Lead.Count + draft.Sections.Sum(s => s.Blocks.Count) - captions} paragraphs, {captions} photos (stand-ins) -> {bundle}/");
        }
    }

    /// <summary>Writes the draft's Markdown and a stand-in for each photo into the bundle folder, through the door of
    /// <paramref name="input"/> (a year folder that links elsewhere is refused).</summary>
    public static void Write(string input, Draft draft, string slug, string bundle, string originalFile)
    {
        // Written beside the bundle first and moved into place whole: a failure leaves no half-written draft.
        var staging = bundle + ".importing";
        Sources.InputWrites.CreateFolder(input, Path.GetDirectoryName(bundle)!);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        var written = false;
        try
        {
            Sources.InputWrites.CreateFolder(input, Path.Combine(staging, "photos"));
            Sources.InputWrites.WriteText(input, Path.Combine(staging, originalFile), DraftWriter.ToMarkdown(draft, slug));
            // A stand-in only holds the photo's place until the real one is saved under its name: a modest size, drawn on every core.
            Parallel.ForEach(draft.Captions.Select((caption, i) => (caption, Number: i + 1)), c =>
            {
                using var image = StandIn.Create($"{slug}/{c.caption.Text}", 640, 427);
                image.SaveAsJpeg(Path.Combine(staging, DraftWriter.PhotoName(c.Number)), new JpegEncoder { Quality = 80 });
            });
            if (Directory.Exists(bundle))
            {
                Directory.Delete(bundle, recursive: true); // --force
            }

            Directory.Move(staging, bundle);
            written = true;
        }
        finally
        {
            // A draft that failed half-way is removed whole; the failure itself goes on to the caller, which reports it.
            if (!written && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
