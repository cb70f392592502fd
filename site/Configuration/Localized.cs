using System.Collections.Immutable;

namespace ReportArchive.Configuration;

/// <summary>A value written in each language of the archive (a site title, a department's name), keyed by language key.</summary>
public sealed record Localized(ImmutableDictionary<string, string> Values)
{
    public string In(string lang) => Values.TryGetValue(lang, out var v) ? v : throw new KeyNotFoundException($"no value in '{lang}'");
}
