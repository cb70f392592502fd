using System.Globalization;
using System.Text.RegularExpressions;
using ReportArchive.Build;

namespace ReportArchive.Configuration;

/// <summary>Reads the <c>languages</c> of <c>site.yml</c>: one entry per language, keyed by the name its folders and files use.
/// Without the key, the archive has the Chinese original and its English translation.</summary>
public static partial class LanguageConfig
{
    private static readonly string[] Keys = ["tag", "name", "original", "date_format", "month_format", "reading_unit", "reading_rate", "og_locale"];

    public static LanguageSet? Read(YamlDocument site, ICollection<Diagnostic> diagnostics)
    {
        if (site.Get("languages") is null)
        {
            return LanguageSet.Default;
        }

        var section = site.Child("languages", diagnostics);
        if (section is null)
        {
            return null;
        }

        var languages = new List<Language>();
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        foreach (var (key, _, line) in section.Entries)
        {
            if (Read(section, key, line, diagnostics) is { } language)
            {
                languages.Add(language);
            }
        }

        var file = site.File;
        var line0 = site.LineOfKey("languages");
        var originals = languages.Count(l => l.IsOriginal);
        if (languages.Count > 0 && originals != 1)
        {
            diagnostics.Add(Diagnostic.Error("RA116", file, line0,
                $"exactly one language must be the original ('original: true'); {(originals == 0 ? "none is" : $"{originals} are")}"));
        }

        foreach (var duplicate in languages.GroupBy(l => l.Tag, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            diagnostics.Add(Diagnostic.Error("RA116", file, line0, $"the languages {string.Join(" and ", duplicate.Select(l => $"'{l.Key}'"))} share the tag '{duplicate.Key}'"));
        }

        if (section.Entries.Count() == 0)
        {
            diagnostics.Add(Diagnostic.Error("RA116", file, line0, "'languages' lists no language"));
        }

        return diagnostics.Count(d => d.Severity == Severity.Error) > errors ? null : new LanguageSet(languages.OrderByDescending(l => l.IsOriginal));
    }

    private static Language? Read(YamlDocument section, string key, int line, ICollection<Diagnostic> diagnostics)
    {
        var file = section.File;
        if (!Slugs.IsValid(key))
        {
            diagnostics.Add(Diagnostic.Error("RA116", file, line, $"the language key '{key}' names folders and files: use {Slugs.Rule} (such as 'zh-hant')"));
            return null;
        }

        var yaml = section.Child(key, diagnostics);
        if (yaml is null)
        {
            diagnostics.Add(Diagnostic.Error("RA116", file, line, $"the language '{key}' needs at least its 'tag', 'name' and 'date_format'"));
            return null;
        }

        yaml.RejectUnknownKeys(Keys, diagnostics, $"language '{key}'");
        string? Required(string name)
        {
            var value = yaml.String(name, diagnostics);
            if (value is null)
            {
                diagnostics.Add(Diagnostic.Error("RA116", file, line, $"the language '{key}' needs '{name}'"));
            }

            return value;
        }

        var (tag, name, dateFormat) = (Required("tag"), Required("name"), Required("date_format"));
        var monthFormat = yaml.String("month_format", diagnostics);
        if (tag is not null && !TagPattern().IsMatch(tag))
        {
            diagnostics.Add(Diagnostic.Error("RA116", file, yaml.LineOfKey("tag"), $"'{tag}' is not a language tag such as zh-Hans, zh-Hant or en"));
            tag = null;
        }

        foreach (var (what, format) in new[] { ("date_format", dateFormat), ("month_format", monthFormat) })
        {
            if (format is not null && !IsDateFormat(format))
            {
                diagnostics.Add(Diagnostic.Error("RA116", file, yaml.LineOfKey(what), $"'{format}' is not a date format such as 'MMMM d, yyyy' or 'yyyy年M月d日'"));
                dateFormat = null;
            }
        }

        // Without its own, a date known only to the month is written as a full date would be.
        monthFormat ??= dateFormat;

        var (original, unit, rate) = Reading(yaml, key, diagnostics);
        return tag is null || name is null || dateFormat is null || monthFormat is null
            ? null
            : new Language(key, tag, name, original, dateFormat, monthFormat, unit, rate, yaml.String("og_locale", diagnostics) ?? tag.Replace('-', '_'));
    }

    /// <summary>Whether the language is the original's, and how its reading time is counted: in characters or words, so many a minute.</summary>
    private static (bool Original, ReadingUnit Unit, int Rate) Reading(YamlDocument yaml, string key, ICollection<Diagnostic> diagnostics)
    {
        var original = yaml.String("original", diagnostics) switch
        {
            null or "false" => false,
            "true" => true,
            var other => Invalid(other, "original", "true or false", false),
        };
        var unit = yaml.String("reading_unit", diagnostics) switch
        {
            null or "words" => ReadingUnit.Words,
            "characters" => ReadingUnit.Characters,
            var other => Invalid(other, "reading_unit", "'characters' (for a language written without spaces) or 'words'", ReadingUnit.Words),
        };
        var rate = unit == ReadingUnit.Characters ? 400 : 220;
        if (yaml.String("reading_rate", diagnostics) is { } rateText && (!int.TryParse(rateText, NumberStyles.None, CultureInfo.InvariantCulture, out rate) || rate < 1))
        {
            rate = Invalid(rateText, "reading_rate", "a whole number of characters or words a minute", 1);
        }

        T Invalid<T>(string value, string what, string expected, T fallback)
        {
            diagnostics.Add(Diagnostic.Error("RA116", yaml.File, yaml.LineOfKey(what), $"'{what}: {value}' of the language '{key}' must be {expected}"));
            return fallback;
        }

        return (original, unit, rate);
    }

    private static bool IsDateFormat(string format)
    {
        try
        {
            return new DateOnly(2024, 3, 5).ToString(format, CultureInfo.InvariantCulture).Length > 0 && format.Length > 1;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex TagPattern();
}
