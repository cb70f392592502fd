using System.Collections.Immutable;
using System.Security.Cryptography;
using ReportArchive.Build;
using ReportArchive.Sources;

namespace ReportArchive.Configuration;

/// <summary>Everything a build reads besides the reports and the theme's layouts: the site settings, the taxonomy and the interface
/// strings. <see cref="Fingerprint"/> names their state and the theme's: pages rendered under one fingerprint are reused only
/// under the same one.</summary>
public sealed record SiteInputs(SiteConfig Config, Taxonomy Taxonomy, ImmutableDictionary<string, Strings> Strings, string Fingerprint)
{
    public LanguageSet Languages => Config.Languages;

    /// <summary>The archive's termbase (<c>terms.yml</c>), which the translations' checks read.</summary>
    public Termbase Terms { get; init; } = Termbase.Empty;

    /// <summary>The build's first stage: reads them all, and returns null when one cannot be used (the reasons are reported);
    /// <paramref name="strings"/> are the interface strings read, whatever became of the rest (the theme's layouts are checked
    /// against their keys).</summary>
    public static SiteInputs? Load(BuildSettings settings, ICollection<Diagnostic> diagnostics, out ImmutableDictionary<string, Strings> strings)
    {
        var config = SiteConfig.Load(Path.Combine(settings.Input, "site.yml"), settings.BaseUrl, diagnostics, out var read);
        var languages = read ?? LanguageSet.Default;
        var taxonomy = Taxonomy.Load(Path.Combine(settings.Input, "taxonomy.yml"), languages, diagnostics);
        strings = Configuration.Strings.LoadAll(Path.Combine(settings.Theme, "i18n"), languages, diagnostics);
        var terms = Termbase.Load(settings.Input, Path.Combine(settings.Input, Termbase.FileName), languages, diagnostics);
        return config is null || taxonomy is null || terms is null || strings.Count < languages.All.Length
            ? null
            : new SiteInputs(config, taxonomy, strings, FingerprintOf(settings)) { Terms = terms };
    }

    /// <summary>A hash of everything besides the reports that pages (and the reports' checks) are made from: configuration,
    /// termbase, interface strings, theme.</summary>
    private static string FingerprintOf(BuildSettings settings)
    {
        var files = new[] { "site.yml", "taxonomy.yml", Termbase.FileName }.Select(name => (settings.Input, Path.Combine(settings.Input, name)))
            .Concat(Directory.Exists(settings.Theme) ? Directory.EnumerateFiles(settings.Theme, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (settings.Theme, f)) : []);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (root, file) in files.Where(f => File.Exists(f.Item2)))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file));
            // Read through the one door too; a file it refuses is reported by the loader that needs it, and hashed as empty here.
            hash.AppendData(SourceFiles.TryReadBytes(root, file, SourceFiles.MaxPhotoBytes) ?? []);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16] + "|" + settings.BaseUrl;
    }
}
