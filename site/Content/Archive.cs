using System.Collections.Immutable;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Content;

/// <summary>Every report of the archive, read and checked: the build's content stage.</summary>
public sealed record Archive(ImmutableArray<Report> Reports)
{
    /// <summary>The order of every list and feed: newest first, then by slug.</summary>
    public IReadOnlyList<Report> LatestFirst { get; } = Report.LatestFirst(Reports);

    /// <summary>Reads every bundle on every core (in the bundles' order) and checks each against the site's taxonomy, then the
    /// archive as a whole. With a memo, an unchanged bundle under unchanged site inputs is taken as it was, with its diagnostics.</summary>
    public static Archive Load(string input, SiteInputs? site, BuildMemo? memo, ICollection<Diagnostic> diagnostics)
    {
        var languages = site?.Languages ?? LanguageSet.Default;
        var bundles = ReportLoader.FindBundles(input, languages).ToArray();
        var loaded = new (Report? Report, List<Diagnostic> Diagnostics)[bundles.Length];
        Parallel.For(0, bundles.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            loaded[i] = memo is not null && site is not null
                ? memo.GetOrAdd($"load|{bundles[i]}|{ReportLoader.Version(bundles[i], languages)}|{site.Fingerprint}", () => LoadOne(bundles[i], languages, site))
                : LoadOne(bundles[i], languages, site));
        foreach (var (_, found) in loaded)
        {
            foreach (var d in found)
            {
                diagnostics.Add(d);
            }
        }

        var reports = loaded.Select(l => l.Report).OfType<Report>().ToImmutableArray();
        ReportChecks.CheckSlugs(reports, diagnostics);
        return new Archive(reports);
    }

    private static (Report? Report, List<Diagnostic> Diagnostics) LoadOne(string bundle, LanguageSet languages, SiteInputs? site)
    {
        var diagnostics = new List<Diagnostic>();
        var report = ReportLoader.Load(bundle, languages, diagnostics);
        if (report is not null && site is not null)
        {
            ReportChecks.Check(report, site, diagnostics);
        }

        return (report, diagnostics);
    }
}
