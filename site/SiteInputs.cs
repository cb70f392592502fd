using System.Collections.Immutable;
using ReportArchive.Configuration;
using ReportArchive.Rendering;

namespace ReportArchive;

/// <summary>Everything a build reads besides the reports: the site settings, the taxonomy, the interface strings and the theme.</summary>
public sealed record SiteInputs(SiteConfig Config, Taxonomy Taxonomy, ImmutableDictionary<string, Strings> Strings, Theme Theme);
