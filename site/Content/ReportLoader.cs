using System.Collections.Immutable;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Sources;

namespace ReportArchive.Content;

/// <summary>Finds the report bundles under <c>reports/&lt;yyyy&gt;/&lt;slug&gt;/</c> and reads each into a <see cref="Report"/>.</summary>
public static class ReportLoader
{
    /// <summary>Every bundle folder (a folder with a language file), in a stable order.</summary>
    public static IEnumerable<string> FindBundles(string inputDirectory, LanguageSet languages)
    {
        var reports = Path.Combine(inputDirectory, "reports");
        if (!Directory.Exists(reports))
        {
            return [];
        }

        return Directory.EnumerateDirectories(reports)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => languages.All.Any(l => IsFile(Path.Combine(d, l.FileName))))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Whether a file is there (as <see cref="File.Exists"/> says, a link to a file included), in one look for the
    /// common case of a plain file: every bundle of the archive is looked for on every build.</summary>
    private static bool IsFile(string path) => FileStat.Of(path).Kind switch
    {
        FileKind.File => true,
        FileKind.Link => File.Exists(path),
        _ => false,
    };

    /// <summary>The names, sizes and times of a bundle's files (the language files and the photos, whose presence the checks
    /// read): a change of any makes a new version.</summary>
    public static string Version(string bundle, LanguageSet languages)
    {
        var photos = Path.Combine(bundle, "photos");
        var files = languages.All.Select(l => new FileInfo(Path.Combine(bundle, l.FileName)))
            .Concat(Directory.Exists(photos) ? new DirectoryInfo(photos).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal) : []);
        return string.Join("|", files.Select(f => f.Exists ? $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}" : "-"));
    }

    /// <summary>Reads one bundle; returns null when its original cannot be read (the reasons are reported).</summary>
    public static Report? Load(string bundle, LanguageSet languages, ICollection<Diagnostic> diagnostics)
    {
        var original = languages.Original;
        var zhFile = Display(Path.Combine(bundle, original.FileName));
        if (!File.Exists(Path.Combine(bundle, original.FileName)))
        {
            diagnostics.Add(Diagnostic.Error("RA130", zhFile, 1, $"the bundle has a translation but no original ({original.Name}): add {original.FileName}"));
            return null;
        }

        foreach (var stray in Directory.EnumerateFiles(bundle, "index.*.md").Order(StringComparer.Ordinal)
            .Where(f => languages.Find(Path.GetFileName(f)["index.".Length..^".md".Length]) is null))
        {
            diagnostics.Add(Diagnostic.Warning("RA133", Display(stray), 1,
                $"'{Path.GetFileName(stray)}' is in no language of the archive (site.yml lists {string.Join(", ", languages.Keys)}): it is not published"));
        }

        var zh = LoadTranslation(Path.Combine(bundle, original.FileName), original.Key, null, diagnostics);
        var translations = languages.Translations.Select(l => Path.Combine(bundle, l.FileName)).Zip(languages.Translations)
            .Where(x => File.Exists(x.First)).Select(x => LoadTranslation(x.First, x.Second.Key, original.Key, diagnostics)).OfType<Translation>().ToList();
        if (zh is null || zh.Front.Date is not { } date)
        {
            return null;
        }

        var folder = Path.GetFileName(bundle);
        var slug = zh.Front.Slug ?? folder;
        if (!Slugs.IsValid(slug))
        {
            diagnostics.Add(Diagnostic.Error("RA114", zhFile, 2,
                $"the folder name '{folder}' is not a valid slug: rename it, or add 'slug:' with {Slugs.Rule}"));
            return null;
        }

        var yearFolder = Path.GetFileName(Path.GetDirectoryName(bundle));
        if (yearFolder != date.Year.ToString("D4"))
        {
            diagnostics.Add(Diagnostic.Error("RA131", zhFile, zh.Front.LineOf("date"),
                $"the date {date:yyyy-MM-dd} does not match the year folder '{yearFolder}': move the bundle to reports/{date.Year:D4}/"));
        }

        return new Report(Display(bundle), slug, date, zh.Front.DateInferred,
            [.. zh.Front.Departments.Select(d => d.Value)], [.. zh.Front.Topics.Select(t => t.Value)], [zh, .. translations]);
    }

    /// <summary>Reads one language file; <paramref name="originalLang"/> is null for the original itself.</summary>
    private static Translation? LoadTranslation(string path, string lang, string? originalLang, ICollection<Diagnostic> diagnostics)
    {
        var file = Display(path);
        if (Sources.SourceFiles.ReadText(InputRoot(Path.GetDirectoryName(path)!), path, file, diagnostics) is not { } source)
        {
            return null;
        }

        var text = source.Replace("\r\n", "\n");

        var read = FrontMatterReader.Read(file, text, originalLang is null, diagnostics);
        if (read is not { } fm)
        {
            return null;
        }

        var body = text[LineStart(text, fm.BodyLine)..];
        var (lead, sections) = MarkdownReader.Read(file, body, fm.BodyLine, diagnostics, originalLang);
        return new Translation(lang, file, fm.Front, lead, sections);
    }

    /// <summary>Where the 1-based <paramref name="line"/> starts in <paramref name="text"/> (its end when there are fewer lines).</summary>
    private static int LineStart(string text, int line)
    {
        var at = 0;
        for (var n = 1; n < line; n++)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0)
            {
                return text.Length;
            }

            at = end + 1;
        }

        return at;
    }

    /// <summary>The content folder a bundle belongs to: a bundle is <c>&lt;input&gt;/reports/&lt;yyyy&gt;/&lt;slug&gt;/</c>.</summary>
    public static string InputRoot(string bundle) => Path.GetFullPath(Path.Combine(bundle, "..", "..", ".."));

    /// <summary>A path as messages show it: relative to the working folder when it is inside it.</summary>
    public static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }
}
