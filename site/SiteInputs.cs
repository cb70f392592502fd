using System.Collections.Immutable;
using ReportArchive.Configuration;
using ReportArchive.Rendering;

namespace ReportArchive;

/// <summary>Everything a build reads besides the reports: the site settings, the taxonomy, the interface strings and the theme.
/// <see cref="Fingerprint"/> names their state: pages rendered under one fingerprint are reused only under the same one.</summary>
public sealed record SiteInputs(SiteConfig Config, Taxonomy Taxonomy, ImmutableDictionary<string, Strings> Strings, Theme Theme, string Fingerprint);
