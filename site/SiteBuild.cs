using System.Diagnostics;
using ReportArchive.Assets;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;
using ReportArchive.Publish;
using ReportArchive.Rendering;
using ReportArchive.Search;

namespace ReportArchive;

/// <summary>The build, top to bottom: each stage takes the typed results of those before it and returns its own, carrying its
/// files; then the single write of every stage's files.</summary>
public static class SiteBuild
{
    /// <summary>Runs the build; writes the site only when no error was reported. Returns every diagnostic.</summary>
    /// <remarks>Pages and the search index go to the staging folder as they are made; it replaces output/ only if all went well. A
    /// check makes the whole site too, keeping only each file's size, to say what the site will weigh. What the output and its
    /// spare hold is kept in the cache folder: files of the spare found as the manifest describes them are not read to be compared,
    /// and a report's pages found there as the last build made them are not rendered again.</remarks>
    public static async Task<BuildResult> RunAsync(BuildSettings settings, CancellationToken cancellation = default)
    {
        var writing = !settings.Check && !settings.InMemory;
        settings.Memo?.Sweep();
        var stages = new Stages(cancellation);
        var written = false;
        try
        {
            // The spare is made ready (and its manifest read) while the content is read; its files are listed while the pages are
            // made (a file the build writes meanwhile may be listed or not: it is the site's either way).
            var output = stages.Run("Output", [], _ => OpenOutput(settings, writing));
            var inputs = stages.Run("Config", [], d => LoadInputs(settings, d));
            var assets = stages.Run("Assets", [], d => AssetFiles.Read(settings.Theme, d));
            ContentCache? kept = null;
            var archive = stages.Run("Content", [inputs], d =>
                Archive.Load(settings.Input, inputs.Result.Site, settings.Memo, kept = OpenContentCache(settings, inputs.Result.Site, writing), d));
            _ = stages.Run("Keep", [archive], _ => kept?.Save() ?? 0);
            // A check looks across the archive's translations for names written two ways: a build need not read their text.
            _ = settings.Check ? stages.Run("Names", [inputs, archive], d => inputs.Result.Site is { } site ? NameVariants.Check(archive.Result.Reports, site.Languages, site.Terms, d) : 0) : null;

            var photos = stages.Run("Photos", [archive], d =>
                PhotoSet.Process(archive.Result, new PhotoCache(settings.Cache), PhotoSettings.Default, encode: !settings.Check, d));
            var pages = stages.Run("Pages", [inputs, archive, photos, assets, output], _ =>
                inputs.Result is { Site: { } site, Theme: { } theme } && !stages.Diagnostics.HasErrors
                    ? RenderedPages.Render(site, theme, archive.Result, photos.Result, assets.Result, settings.Memo, output.Result.Sink)
                    : RenderedPages.None);
            var search = stages.Run("Search", [inputs, archive, output], _ =>
                inputs.Result.Site is { } site && !stages.Diagnostics.HasErrors
                    ? SearchFiles.Index(archive.Result, Routing.Routes.Of(site.Config), settings.DeferSearch, output.Result.Sink, string.Join(",", site.Languages.Keys) + (site.Config.LabelDrafts ? "|drafts labelled" : ""))
                    : SearchFiles.None);
            var published = stages.Run("Publish", [inputs, archive, pages, output], _ =>
                inputs.Result.Site is { } site && pages.Result.Pages.Count > 0
                    ? PublishedFiles.Make(site, archive.Result, pages.Result, settings.Memo, output.Result.Sink)
                    : PublishedFiles.None);

            // The output folder's failure (a file where the folder should be) is the one to report, not the stages it cancelled.
            var (sink, manifest, held) = await output;
            var files = new SiteFiles(await assets, await photos, await pages, await search, await published);
            stages.Diagnostics.AddRange(kept?.Warnings ?? []);

            var (size, report) = await Write(settings, stages, files, manifest, held, writing);
            written = report is not null;
            return Result(settings, stages, await archive, files, report) with
            {
                Size = files.Pages.Pages.Count > 0 ? size : null,
                BundlesKept = kept?.Counts.Reused ?? 0,
                BundlesRead = kept?.Counts.Read ?? 0,
                TextsMended = kept?.Mended ?? 0,
                Writes = report is null ? null : new FileWrites(sink.Counts.Written + report.Copied, sink.Counts.Unchanged + files.Files.Count(f => !f.Staged) - report.Copied, report.Removed),
            };
        }
        finally
        {
            await stages.WaitAllAsync();
            if (writing && !written)
            {
                SiteWriter.Discard(settings.Output);
            }
        }
    }

    /// <summary>The output stage: where pages go as they are made (the staging folder, counted, or held), the output's manifest, and
    /// the files the staging folder holds, listed while the site is made.</summary>
    private static (OutputSink Sink, OutputManifest? Manifest, Task<List<string>?> Held) OpenOutput(BuildSettings settings, bool writing)
    {
        var manifest = writing && settings.Cache.Length > 0 ? OutputManifest.Open(settings.Cache, settings.Output) : null;
        var staging = writing ? SiteWriter.PrepareStaging(settings.Output) : null;
        return (staging is not null ? OutputSink.Staging(staging, manifest) : settings.Check ? OutputSink.Counting : OutputSink.InMemory,
            manifest, staging is not null ? Task.Run(() => SpareFiles.Held(staging, manifest?.Spare)) : Task.FromResult<List<string>?>(null));
    }

    /// <summary>Bundles as the last build read them, kept in the cache folder: only those whose files changed are read again. A
    /// build into a new folder starts keeping them only when a build follows it there (writing them costs a build from nothing a
    /// tenth of its time, which a one-off build, such as a deployment's, would never get back).</summary>
    private static ContentCache? OpenContentCache(BuildSettings settings, SiteInputs? site, bool writing) =>
        site is not null && settings.Cache.Length > 0
            ? ContentCache.Open(settings.Cache, settings.Input, site.Fingerprint, site.Languages.Keys, startKeeping: writing && Directory.Exists(settings.Output))
            : null;

    /// <summary>The configuration and the theme's layouts, checked against the interface strings' keys: a site is made of both.</summary>
    private static (SiteInputs? Site, Theme? Theme) LoadInputs(BuildSettings settings, ICollection<Diagnostic> diagnostics)
    {
        var site = SiteInputs.Load(settings, diagnostics, out var strings);
        var theme = Theme.Load(settings.Theme, strings.Values.FirstOrDefault()?.Values.Keys.ToHashSet(StringComparer.Ordinal) ?? [], diagnostics);
        return (theme is null ? null : site, theme);
    }

    /// <summary>What the site weighs, and the site written when no error was reported (null when it was not written). GitHub Pages
    /// refuses a site over 1 GB: a warning from 80 %, an error (nothing written) above. The preview (in memory, its search index
    /// made on demand) serves whatever it has.</summary>
    private static async Task<(SiteSize Size, WriteReport? Report)> Write(BuildSettings settings, Stages stages, SiteFiles files, OutputManifest? manifest, Task<List<string>?> held, bool writing)
    {
        var size = SiteSize.Of(files.Files);
        if (files.Pages.Pages.Count > 0 && !settings.InMemory && size.Problem(settings.Output, settings.SizeLimit) is { } tooLarge)
        {
            stages.Diagnostics.Add(tooLarge);
        }

        if (!writing || stages.Diagnostics.HasErrors)
        {
            return (size, null);
        }

        var writeStart = stages.Elapsed;
        var report = SiteWriter.Write(settings.Output, files.Files, manifest, await held);
        files.Search.History?.Save();
        stages.Record("Write", writeStart);
        return (size, report);
    }

    private static BuildResult Result(BuildSettings settings, Stages stages, Archive archive, SiteFiles files, WriteReport? report)
    {
        var (written, writeWarning) = (report is not null, report?.Warning);
        var diagnostics = writeWarning is null
            ? stages.Diagnostics.Sorted()
            : [.. stages.Diagnostics.Sorted(), Diagnostic.Warning("RA901", settings.Output, 1, writeWarning)];
        var photos = files.Photos;
        return new BuildResult(diagnostics, archive.Reports.Length, files.Files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)),
            settings.Check ? photos.Accepted : photos.Photos.Count, photos.Photos.Count(p => p.Reused), written, stages.Elapsed)
        {
            Files = files.Files,
            DeferredSearch = files.Search.Deferred,
            Timings = stages.Timings,
            ReportsKept = files.Pages.Kept.Reports,
            PagesKept = files.Pages.Kept.Pages,
            SearchMade = files.Search.History?.Outcome,
            SearchRecordsChanged = files.Search.History?.Changed,
        };
    }
}

/// <summary>What a build did: its diagnostics, what it counted, and whether it wrote the site.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Reports, int Pages, int Photos, int PhotosReused, bool Written, TimeSpan Elapsed)
{
    public int PhotosEncoded => Photos - PhotosReused;

    /// <summary>The files of the site, whether or not they were written.</summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];

    /// <summary>With <see cref="BuildSettings.DeferSearch"/>, what the search index is to be built from.</summary>
    public SearchSource? DeferredSearch { get; init; }

    /// <summary>What the site weighs (in a check, what it will weigh; photos not encoded yet are estimated); null when no page was made.</summary>
    public SiteSize? Size { get; init; }

    /// <summary>What the write did to the files of the previous build's spare: written, left as they were, removed.</summary>
    public FileWrites? Writes { get; init; }

    /// <summary>How many bundles were taken as the last build read them (<see cref="ContentCache"/>) instead of being read again.</summary>
    public int BundlesKept { get; init; }

    /// <summary>How many bundles were read from their files (with the cache: those whose files changed since the last build).</summary>
    public int BundlesRead { get; init; }

    /// <summary>How many kept reports' text was damaged in the content cache and read again from the bundle's files.</summary>
    public int TextsMended { get; init; }

    /// <summary>How many reports' pages were found in the spare as the last build made them, and not rendered again.</summary>
    public int ReportsKept { get; init; }

    /// <summary>How many pages in all (a report's, a list's) were found in the spare as the last build made them.</summary>
    public int PagesKept { get; init; }

    /// <summary>How the search index was made, when the output folder's history was kept: whole (and why), or from the last build's.</summary>
    public string? SearchMade { get; init; }

    /// <summary>How many search records were analysed again, when the index was made from the last build's; null otherwise.</summary>
    public int? SearchRecordsChanged { get; init; }

    /// <summary>When each stage ran, and the final write when there was one.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>How many files a build wrote, found already as they should be, and removed.</summary>
public sealed record FileWrites(int Written, int Unchanged, int Removed);
