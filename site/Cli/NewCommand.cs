using System.Globalization;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Import;

namespace ReportArchive.Cli;

/// <summary>The <c>new</c> command: a report bundle with the original and every translation's file, ready to fill in. It never overwrites.</summary>
public static class NewCommand
{
    public static int Run(string title, string dateText, string? slug, string input, TextWriter stdout, TextWriter stderr)
    {
        if (!Arguments.TryDate(dateText, stderr, out var date))
        {
            return ExitCodes.Usage;
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            stderr.WriteLine("--title is empty: give the report's Chinese headline");
            return ExitCodes.Usage;
        }

        slug ??= Slugify(title);
        if (!Arguments.IsSlug(slug, stderr))
        {
            return ExitCodes.Usage;
        }

        if (Translations.ArchiveFiles.SiteLanguages(input, stderr) is not { } languages)
        {
            return ExitCodes.ContentErrors;
        }

        var bundle = Path.Combine(input, "reports", date.Year.ToString("D4", CultureInfo.InvariantCulture), slug);
        if (Directory.Exists(bundle))
        {
            stderr.WriteLine($"{bundle} already exists: nothing was changed; choose another --slug");
            return ExitCodes.ContentErrors;
        }

        Sources.InputWrites.CreateFolder(input, Path.Combine(bundle, "photos"));
        Sources.InputWrites.WriteText(input, Path.Combine(bundle, languages.Original.FileName), Original(title, date, slug));
        // Each translation starts as the translator's desk writes it: one empty slot per part, never published until translated.
        foreach (var language in languages.Translations)
        {
            var desk = Translations.TranslationDesk.Open(input, bundle, language.Key, stderr)!;
            desk.AddSlots();
            desk.Save();
        }

        var files = languages.All.Select(l => l.FileName);
        stdout.WriteLine($"Created {bundle}/ with {string.Join(", ", files)} and photos/: write the report, then run check; 'translate {slug}' adds the translation's slots for what you wrote");
        return ExitCodes.Success;
    }

    /// <summary>An ASCII slug from the title's Latin words, or from a hash of it when it has none (a Chinese headline).</summary>
    private static string Slugify(string title)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(title.ToLowerInvariant(), "[a-z0-9]+").Select(m => m.Value).ToList();
        return words.Count > 0 ? string.Join('-', words.Take(8)) : "report-" + Hashes.Hex(title, 8);
    }

    private static string Original(string title, DateOnly date, string slug) => $"""
        ---
        title: {DraftWriter.Quote(title)}
        date: {date:yyyy-MM-dd}
        byline: "记者 "
        departments: []
        topics: []
        slug: {slug}
        ---

        导语：在这里写报道的第一段。

        ## 第一节的小标题 {"{#section-1}"}

        第一节的第一段。
        """ + "\n";
}
