using System.Collections.Immutable;
using System.Security.Cryptography;
using ReportArchive.Build;
using ReportArchive.Rendering;
using ReportArchive.Sources;

namespace ReportArchive.Configuration;

/// <summary>Everything a build reads besides the reports: the site settings, the taxonomy, the interface strings and the theme.
/// <see cref="Fingerprint"/> names their state: pages rendered under one fingerprint are reused only under the same one.</summary>
public sealed record SiteInputs(SiteConfig Config, Taxonomy Taxonomy, ImmutableDictionary<string, Strings> Strings, Theme Theme, string Fingerprint)
{
    public LanguageSet Languages => Config.Languages;

    /// <summary>Every address of the site, in its languages and under its base URL.</summary>
    public Routing.Routes Routes { get; } = new(Config.Languages, Config.BaseUrl);

    /// <summary>The build's first stage: reads them all, and returns null when one cannot be used (the reasons are reported).</summary>
    public static SiteInputs? Load(BuildSettings settings, ICollection<Diagnostic> diagnostics)
    {
        var config = SiteConfig.Load(Path.Combine(settings.Input, "site.yml"), settings.BaseUrl, diagnostics, out var read);
        var languages = read ?? LanguageSet.Default;
        var taxonomy = Taxonomy.Load(Path.Combine(settings.Input, "taxonomy.yml"), languages, diagnostics);
        var strings = Configuration.Strings.LoadAll(Path.Combine(settings.Theme, "i18n"), languages, diagnostics);
        var theme = Theme.Load(settings.Theme, strings.Values.FirstOrDefault()?.Values.Keys.ToHashSet(StringComparer.Ordinal) ?? [], diagnostics);
        return config is null || taxonomy is null || theme is null || strings.Count < languages.All.Length
            ? null
            : new SiteInputs(config, taxonomy, strings, theme, FingerprintOf(settings));
    }

    /// <summary>A hash of everything besides the reports that pages are made from: configuration, interface strings, theme.</summary>
    private static string FingerprintOf(BuildSettings settings)
    {
        var files = new[] { (settings.Input, Path.Combine(settings.Input, "site.yml")), (settings.Input, Path.Combine(settings.Input, "taxonomy.yml")) }
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
