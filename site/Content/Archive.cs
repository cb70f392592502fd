using System.Collections.Immutable;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Reuse;

namespace ReportArchive.Content;

/// <summary>Every report of the archive, read and checked: the build's content stage.</summary>
public sealed record Archive(ImmutableArray<Report> Reports)
{
    /// <summary>The order of every list and feed: newest first, then by slug.</summary>
    public IReadOnlyList<Report> LatestFirst { get; } = Report.LatestFirst(Reports);

    /// <summary>The reports of the bundles read again, as the last build read them (from the content cache), by folder: the
    /// search index is made from the last one with them (see <c>IndexHistory</c>).</summary>
    public IReadOnlyDictionary<string, Report> Previous { get; init; } = new Dictionary<string, Report>();

    /// <summary>Reads every bundle on every core (in the bundles' order) and checks each against the site's taxonomy, then the
    /// archive as a whole. With a memo, an unchanged bundle under unchanged site inputs is taken as it was, with its diagnostics;
    /// with a <paramref name="store"/>, a bundle whose files are as the last build found them is taken from it instead of being read.</summary>
    public static Archive Load(string input, SiteInputs? site, ReuseStore? memo, ContentCache? store, ICollection<Diagnostic> diagnostics)
    {
        var languages = site?.Languages ?? LanguageSet.Default;
        // In the preview, a watcher says what changed: the bundles it did not touch are taken as the last build left them,
        // without looking at their files (at 10,000 reports, looking at every bundle's files took most of a rebuild).
        var changes = memo is not null && site is not null ? memo.Changes.Since : null;
        var bundlesKey = new BundleListKey(Path.GetFullPath(input), string.Join(",", languages.Keys));
        string[]? bundles = null;
        Dictionary<string, string>? known = null;
        if (changes is not null && memo!.TryReuse(bundlesKey, out var last))
        {
            known = ByFullPath(last);
            (bundles, known) = ChangesBundles(known, input, languages, changes) ? (null, null) : (last, known);
        }

        bundles ??= ReportLoader.FindBundles(input, languages).ToArray();
        if (memo is not null && site is not null)
        {
            memo.Record(bundlesKey, bundles);
        }

        store?.Expect(bundles);
        HashSet<string>? changed = null;
        if (changes is not null)
        {
            known ??= ByFullPath(bundles);
            changed = changes.Select(path => BundleOf(path, known)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        }

        var loaded = new LoadedBundle[bundles.Length];
        Parallel.For(0, bundles.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            loaded[i] = memo is null || site is null
                ? Read(bundles[i], languages, site, store)
                : Kept(memo, bundles[i], changed, languages, site, store);
        });
        foreach (var found in loaded)
        {
            foreach (var d in found.Diagnostics)
            {
                diagnostics.Add(d);
            }
        }

        // A translation's draft parts are left to the original unless the site labels them (translation_drafts: label).
        var reports = loaded.Select(l => l.Report).OfType<Report>().Select(r => site?.Config.LabelDrafts == true ? r : DraftParts.Hidden(r)).ToImmutableArray();
        ReportChecks.CheckSlugs(reports, diagnostics);
        return new Archive(reports) { Previous = store?.Previous ?? new Dictionary<string, Report>() };
    }

    /// <summary>A bundle read from its files, or taken from <paramref name="store"/> when its files are as the last build found them.</summary>
    private static LoadedBundle Read(string bundle, LanguageSet languages, SiteInputs? site, ContentCache? store)
    {
        var (report, found) = store is not null && site is not null
            ? store.GetOrRead(bundle, () => LoadOne(bundle, languages, site))
            : LoadOne(bundle, languages, site);
        return new LoadedBundle(report, found);
    }

    /// <summary>A bundle as the preview kept it: untouched since the last build by what the watcher reported, or with its files in
    /// the state they were in when it was read; otherwise read.</summary>
    private static LoadedBundle Kept(ReuseStore memo, string bundle, HashSet<string>? changed, LanguageSet languages, SiteInputs site, ContentCache? store)
    {
        var untouched = new UntouchedBundleKey(bundle, site.Fingerprint);
        if (changed is not null && !changed.Contains(bundle) && memo.TryReuse(untouched, out var kept))
        {
            return kept;
        }

        var loaded = memo.Reuse(new BundleKey(bundle, ReportLoader.Version(bundle, languages), site.Fingerprint),
            key => Read(key.Bundle, languages, site, store));
        return memo.Record(untouched, loaded);
    }

    /// <summary>Bundles by their full paths (as a watcher reports them), each to its path as the build names it.</summary>
    private static Dictionary<string, string> ByFullPath(string[] bundles) => bundles.ToDictionary(Path.GetFullPath, b => b, StringComparer.Ordinal);

    /// <summary>The bundle that <paramref name="path"/> is or lies in; null when none.</summary>
    private static string? BundleOf(string? path, Dictionary<string, string> bundles)
    {
        for (var folder = path; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (bundles.TryGetValue(folder, out var bundle))
            {
                return bundle;
            }
        }

        return null;
    }

    /// <summary>Whether a change may have added or removed a bundle: a path under <c>reports/</c> that is not inside a known
    /// bundle (a new folder, a bundle's own folder removed or renamed), or a language file that no longer exists.</summary>
    private static bool ChangesBundles(Dictionary<string, string> known, string input, LanguageSet languages, IReadOnlySet<string> changes)
    {
        var reports = Path.GetFullPath(Path.Combine(input, "reports")) + Path.DirectorySeparatorChar;
        foreach (var path in changes.Where(p => p.StartsWith(reports, StringComparison.Ordinal)))
        {
            var parent = Path.GetDirectoryName(path);
            if (BundleOf(parent, known) is null
                || (known.ContainsKey(parent!) && languages.All.Any(l => l.FileName == Path.GetFileName(path)) && !File.Exists(path)))
            {
                return true;
            }
        }

        return false;
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
