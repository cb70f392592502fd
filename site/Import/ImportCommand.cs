using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReportArchive.Cli;
using ReportArchive.Configuration;
using ReportArchive.Photos;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace ReportArchive.Import;

/// <summary>The <c>import</c> command: raw text in, a draft bundle <c>reports/&lt;yyyy&gt;/&lt;slug&gt;/</c> out,
/// with a generated stand-in for each photo the captions name.</summary>
public static class ImportCommand
{
    public static int Run(FileInfo file, string input, string? slug, string? dateText, bool force, TextWriter stdout, TextWriter stderr, string? encoding = null)
    {
        var shown = Content.ReportLoader.Display(file.FullName);
        void Error(int line, string message, string code = "RA300") => stderr.WriteLine($"{shown}({line},1): error {code}: {message}");

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

        Draft draft;
        try
        {
            if (!file.Exists)
            {
                Error(1, "the file does not exist");
                return ExitCodes.ContentErrors;
            }

            var (text, _) = RawText.Decode(File.ReadAllBytes(file.FullName), encoding);
            draft = NewspaperImporter.Import(text, date);
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

        slug ??= "report-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Title)))[..8];
        var bundle = Path.Combine(input, "reports", draft.Date.Year.ToString("D4", CultureInfo.InvariantCulture), slug);
        if (Directory.Exists(bundle) && !force)
        {
            stderr.WriteLine($"{bundle} already exists: choose another --slug, or add --force to replace the draft");
            return ExitCodes.ContentErrors;
        }

        Write(draft, slug, bundle);
        foreach (var line in draft.Removed)
        {
            stdout.WriteLine($"{shown}({line.Line}): removed page furniture ({line.What}): {line.Text}");
        }

        foreach (var warning in draft.Warnings)
        {
            stderr.WriteLine($"{shown}({warning.Line},1): warning RA301: {warning.Message}");
        }

        var captions = draft.Captions.Count();
        stdout.WriteLine($"Imported '{draft.Title}': {draft.Sections.Count} sections, {draft.Lead.Count + draft.Sections.Sum(s => s.Blocks.Count) - captions} paragraphs, {captions} photos (stand-ins) -> {bundle}/");
        return ExitCodes.Success;
    }

    /// <summary>Writes the draft's Markdown and a stand-in for each photo into the bundle folder.</summary>
    public static void Write(Draft draft, string slug, string bundle)
    {
        Directory.CreateDirectory(Path.Combine(bundle, "photos"));
        File.WriteAllText(Path.Combine(bundle, Content.ReportLoader.OriginalFile), DraftWriter.ToMarkdown(draft, slug), new UTF8Encoding(false));
        // A stand-in only holds the photo's place until the real one is saved under its name: a modest size, drawn on every core.
        Parallel.ForEach(draft.Captions.Select((caption, i) => (caption, Number: i + 1)), c =>
        {
            using var image = StandIn.Create($"{slug}/{c.caption.Text}", 960, 640);
            image.SaveAsJpeg(Path.Combine(bundle, DraftWriter.PhotoName(c.Number)), new JpegEncoder { Quality = 80 });
        });
    }
}
