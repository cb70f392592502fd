using System.Collections.Immutable;
using System.Globalization;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Content;

/// <summary>Splits a language file into its YAML front matter and Markdown body, and reads the front matter's keys.</summary>
public static class FrontMatterReader
{
    /// <summary>The file's lines up to the one that closes its front matter (all of them when none does): the body is not split.</summary>
    private static List<string> FrontLines(string text)
    {
        var lines = new List<string>();
        for (var at = 0; ;)
        {
            var end = text.IndexOf('\n', at);
            var line = end < 0 ? text[at..] : text[at..end];
            lines.Add(line);
            if ((lines.Count == 1 && line.TrimEnd('\r') != "---") || (lines.Count > 1 && line.TrimEnd('\r') is "---" or "...") || end < 0)
            {
                return lines;
            }

            at = end + 1;
        }
    }

    /// <summary>Returns the front matter and the line (1-based) where the body starts, or null after reporting why.</summary>
    public static (FrontMatter Front, int BodyLine)? Read(string file, string text, bool original, ICollection<Diagnostic> diagnostics)
    {
        var lines = FrontLines(text);
        if (lines.Count == 0 || lines[0].TrimEnd('\r') != "---")
        {
            diagnostics.Add(Diagnostic.Error("RA110", file, 1,
                "no front matter: the file must start with a '---' line, then 'title:' and the other keys, then '---'. Did you forget the first '---'?"));
            return null;
        }

        var close = lines.FindIndex(1, l => l.TrimEnd('\r') is "---" or "...");
        if (close < 0)
        {
            diagnostics.Add(Diagnostic.Error("RA111", file, 1, "the front matter is not closed: add a '---' line after its last key"));
            return null;
        }

        var yamlText = string.Join('\n', lines[1..close]);
        var yaml = YamlDocument.Parse(file, yamlText, 1, diagnostics);
        if (yaml is null)
        {
            return null;
        }

        var known = original ? FrontMatter.OriginalKeys : FrontMatter.TranslationKeys;
        var before = diagnostics.Count;
        yaml.RejectUnknownKeys(known, diagnostics, original ? "front matter" : "translation front matter");

        var front = Fields(yaml, original, diagnostics);
        if (front.Title is null)
        {
            diagnostics.Add(Diagnostic.Error("RA112", file, 2, "the front matter has no 'title'"));
        }

        if (original && front.Date is null && !yaml.Entries.Any(e => e.Key == "date"))
        {
            diagnostics.Add(Diagnostic.Error("RA113", file, 2, "the front matter has no 'date' (write it as 2023-07-15)"));
        }

        if (front.Slug is { } slug && !Slugs.IsValid(slug))
        {
            diagnostics.Add(Diagnostic.Error("RA114", file, front.LineOf("slug"),
                $"slug '{slug}' is not valid: use {Slugs.Rule} (it becomes part of the URL)"));
        }

        return diagnostics.Skip(before).Any(d => d.Severity == Severity.Error) ? null : (front, close + 2);
    }

    /// <summary>The front matter's fields as the YAML gives them.</summary>
    private static FrontMatter Fields(YamlDocument yaml, bool original, ICollection<Diagnostic> diagnostics)
    {
        var date = ReadDate(yaml, diagnostics);
        var inferred = yaml.String("date_inferred", diagnostics) is { } flag && ReadBool(yaml, flag, diagnostics);
        // In a translation an empty title is a slot not translated yet: the file is a draft, never published.
        var title = yaml.String("title", diagnostics) ?? (!original && yaml.Entries.Any(e => e.Key == "title") ? "" : null);
        return new FrontMatter(
            title,
            yaml.String("subtitle", diagnostics),
            date,
            inferred,
            yaml.String("byline", diagnostics),
            yaml.List("departments", diagnostics),
            yaml.List("topics", diagnostics),
            yaml.String("slug", diagnostics),
            yaml.Map("translation_of", diagnostics),
            yaml.Entries.ToImmutableDictionary(e => e.Key, e => e.Line))
        {
            Kicker = yaml.String("kicker", diagnostics),
            Page = yaml.String("page", diagnostics),
            Paper = yaml.String("paper", diagnostics),
            Translator = yaml.String("translator", diagnostics),
            Drafts = yaml.List("drafts", diagnostics),
        };
    }

    private static DateOnly? ReadDate(YamlDocument yaml, ICollection<Diagnostic> diagnostics)
    {
        var text = yaml.String("date", diagnostics);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        diagnostics.Add(Diagnostic.Error("RA115", yaml.File, yaml.LineOfKey("date"),
            $"date '{text}' is not a real date in the form yyyy-MM-dd (for example 2023-07-15)"));
        return null;
    }

    private static bool ReadBool(YamlDocument yaml, string value, ICollection<Diagnostic> diagnostics)
    {
        if (bool.TryParse(value, out var b))
        {
            return b;
        }

        diagnostics.Add(Diagnostic.Error("RA103", yaml.File, yaml.LineOfKey("date_inferred"), $"'date_inferred' must be true or false, not '{value}'"));
        return false;
    }
}
