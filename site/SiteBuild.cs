using System.Collections.Immutable;
using System.Diagnostics;
using ReportArchive.Assets;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Photos;
using ReportArchive.Pipeline;
using ReportArchive.Publish;
using ReportArchive.Rendering;
using ReportArchive.Search;

namespace ReportArchive;

/// <summary>The build, top to bottom: the pipelines in the order the data flows, then the single write.</summary>
public static class SiteBuild
{
    public static IReadOnlyList<Pipeline.Pipeline> Pipelines(BuildSettings settings, OutputSink sink) =>
    [
        Pipeline.Pipeline.Create("Config", [], Step.Read(ctx => LoadInputs(settings, ctx))),
        Pipeline.Pipeline.Create("Content", ["Config"],
            Step.Read(_ => ReportLoader.FindBundles(settings.Input)),
            Step.ForEach<string>((bundle, ctx) => LoadAndCheck(settings, bundle, ctx)),
            Step.All((reports, ctx) => CheckArchive(reports, ctx))),
        Pipeline.Pipeline.Create("Photos", ["Content"],
            Step.Read(ctx => PhotoRequests(ctx.From<Report>("Content"))),
            Step.ForEach<PhotoRequest>((request, ctx) => Collect(ctx, d => PhotoProcessor.Process(request, settings.Check ? null : new PhotoCache(settings.Cache), PhotoSettings.Default, d)))),
        Pipeline.Pipeline.Create("Assets", [], Step.Read(ctx => Collect(ctx, d => AssetFiles.Read(settings.Theme, d)))),
        Pipeline.Pipeline.Create("Pages", ["Config", "Content", "Photos", "Assets"], Step.Read(ctx => settings.Check ? [] : RenderPages(settings, sink, ctx))),
        Pipeline.Pipeline.Create("Search", ["Config", "Content"], Step.Read(ctx => settings.Check ? [] : Index(settings, sink, ctx))),
        Pipeline.Pipeline.Create("Publish", ["Config", "Content", "Pages"], Step.Read(ctx => Publish(settings, ctx))),
    ];

    /// <summary>Runs the build; writes the site only when no error was reported. Returns every diagnostic.</summary>
    public static async Task<BuildResult> RunAsync(BuildSettings settings, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var writing = !settings.Check && !settings.InMemory;

        // Pages and the search index go to the staging folder as they are rendered; it replaces output/ only if all went well.
        var sink = writing ? OutputSink.Staging(SiteWriter.PrepareStaging(settings.Output)) : OutputSink.InMemory;
        var engine = new Engine(Pipelines(settings, sink));
        settings.Memo?.Sweep();
        var written = false;
        string? writeWarning = null;
        TimeSpan writeStart = default, writeEnd = default;
        IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableArray<object>> outputs;
        List<OutputFile> files;
        try
        {
            outputs = await engine.RunAsync(cancellation: cancellation);
            files = [.. new[] { "Photos", "Assets", "Pages", "Search", "Publish" }.SelectMany(p => outputs[p].OfType<OutputFile>())];
            if (!engine.Diagnostics.HasErrors && writing)
            {
                writeStart = clock.Elapsed;
                writeWarning = SiteWriter.Write(settings.Output, files);
                writeEnd = clock.Elapsed;
                written = true;
            }
        }
        finally
        {
            if (writing && !written)
            {
                SiteWriter.Discard(settings.Output);
            }
        }

        var photos = outputs["Photos"].OfType<Photo>().ToList();
        var diagnostics = writeWarning is null ? engine.Diagnostics.Sorted() : [.. engine.Diagnostics.Sorted(), Diagnostic.Warning("RA901", settings.Output, 1, writeWarning)];
        return new BuildResult(diagnostics, outputs["Content"].OfType<Report>().Count(),
            files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), settings.Check ? outputs["Photos"].OfType<PhotoRequest>().Count() : photos.Count,
            photos.Count(p => p.Reused), written, clock.Elapsed)
        {
            Files = files,
            DeferredSearch = outputs["Search"].OfType<SearchSource>().FirstOrDefault(),
            Timings = written ? [.. engine.Timings, new PipelineTiming("Write", writeStart, writeEnd)] : engine.Timings,
        };
    }

    private static IEnumerable<object> LoadInputs(BuildSettings settings, StepContext ctx) => Collect(ctx, d =>
    {
        var config = SiteConfig.Load(Path.Combine(settings.Input, "site.yml"), settings.BaseUrl, d);
        var taxonomy = Taxonomy.Load(Path.Combine(settings.Input, "taxonomy.yml"), d);
        var strings = Strings.LoadAll(Path.Combine(settings.Theme, "i18n"), d);
        var theme = Theme.Load(settings.Theme, d);
        return config is null || taxonomy is null || theme is null || strings.Count < Languages.All.Count
            ? []
            : [new SiteInputs(config, taxonomy, strings, theme, Fingerprint(settings))];
    });

    /// <summary>Reads a bundle and checks it; with a memo, an unchanged bundle (same files, same configuration) is taken as it was,
    /// with the diagnostics it had.</summary>
    private static IEnumerable<object> LoadAndCheck(BuildSettings settings, string bundle, StepContext ctx)
    {
        var site = ctx.From<SiteInputs>("Config").FirstOrDefault();
        (Report? Report, List<Diagnostic> Diagnostics) Load()
        {
            var diagnostics = new List<Diagnostic>();
            var report = ReportLoader.Load(bundle, diagnostics);
            if (report is not null && site is not null)
            {
                ReportChecks.Check(report, site.Taxonomy, diagnostics);
            }

            return (report, diagnostics);
        }

        var (report, diagnostics) = settings.Memo is { } memo && site is not null
            ? memo.GetOrAdd($"load|{bundle}|{ReportLoader.Version(bundle)}|{site.Fingerprint}", Load)
            : Load();
        ctx.Diagnostics.AddRange(diagnostics);
        return report is null ? [] : [report];
    }

    /// <summary>A hash of everything besides the reports that pages are made from: configuration, interface strings, theme.</summary>
    private static string Fingerprint(BuildSettings settings)
    {
        var files = new[] { (settings.Input, Path.Combine(settings.Input, "site.yml")), (settings.Input, Path.Combine(settings.Input, "taxonomy.yml")) }
            .Concat(Directory.Exists(settings.Theme) ? Directory.EnumerateFiles(settings.Theme, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => (settings.Theme, f)) : []);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (root, file) in files.Where(f => File.Exists(f.Item2)))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file));
            // Read through the one door too; a file it refuses is reported by the loader that needs it, and hashed as empty here.
            hash.AppendData(Sources.SourceFiles.TryReadBytes(root, file, Sources.SourceFiles.MaxPhotoBytes) ?? []);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16] + "|" + settings.BaseUrl;
    }

    private static IEnumerable<object> CheckArchive(ImmutableArray<object> reports, StepContext ctx) => Collect(ctx, d =>
    {
        ReportChecks.CheckSlugs([.. reports.OfType<Report>()], d);
        return reports;
    });

    private static IEnumerable<PhotoRequest> PhotoRequests(IEnumerable<Report> reports) => reports.SelectMany(r =>
    {
        var figures = new[] { r.Zh, r.EnFile }.OfType<Translation>()
            .SelectMany(t => t.Figures.Select(f => (Translation: t, Figure: f)))
            .Where(x => PhotoPaths.Problem(x.Figure.Source) is null)
            .DistinctBy(x => x.Figure.Source)
            .ToList();
        var names = PhotoRequest.Names(figures.Select(x => x.Figure.Source));
        return figures.Select(x => new PhotoRequest(r.Directory, x.Figure.Source, $"photos/{r.Year:D4}/{r.Slug}/", x.Translation.File, x.Figure.Line, names[x.Figure.Source]));
    });

    private static IEnumerable<object> RenderPages(BuildSettings settings, OutputSink sink, StepContext ctx)
    {
        if (ctx.From<SiteInputs>("Config").FirstOrDefault() is not { } site || ctx.Diagnostics.HasErrors)
        {
            return [];
        }

        var assets = ctx.From<Asset>("Assets").ToDictionary(a => a.Name, a => a.SitePath);
        var context = new RenderContext(site, ctx.From<Report>("Content"), ctx.From<Photo>("Photos"), assets, settings.Memo, sink);
        var articles = new ArticlePages(context);
        var search = new SearchPages(context);
        // Every page is independent of every other: render them on every core, in a fixed order.
        Func<IEnumerable<object>>[] pages =
        [
            new BilingualPages(context).Render,
            .. Languages.All.SelectMany(new ListPages(context).Pages),
            .. Languages.All.Select<string, Func<IEnumerable<object>>>(lang => () => search.Render(lang)),
            .. context.LatestFirst.Select<Report, Func<IEnumerable<object>>>(report => () => articles.Render(report)),
        ];
        return pages.AsParallel().AsOrdered().SelectMany(page => page()).ToList();
    }

    private static IEnumerable<object> Index(BuildSettings settings, OutputSink sink, StepContext ctx)
    {
        if (ctx.From<SiteInputs>("Config").FirstOrDefault() is not { } site || ctx.Diagnostics.HasErrors)
        {
            return [];
        }

        var source = new SearchSource(Content.Report.LatestFirst(ctx.From<Report>("Content")), site.Config.BasePath);
        return settings.DeferSearch ? [source] : source.Build(sink);
    }

    private static IEnumerable<object> Publish(BuildSettings settings, StepContext ctx)
    {
        var pages = ctx.From<PageRecord>("Pages");
        if (ctx.From<SiteInputs>("Config").FirstOrDefault() is not { } site || pages.IsEmpty)
        {
            return [];
        }

        string Absolute(string path) => new Uri(site.Config.BaseUrl, path).AbsoluteUri;
        var latestFirst = Content.Report.LatestFirst(ctx.From<Report>("Content"));
        // The sitemap lists every page: in the preview it is made again only when a page's address, date or alternates changed.
        var sitemap = settings.Memo is { } memo ? memo.GetOrAdd($"sitemap|{site.Fingerprint}|{Sitemap.Key(pages)}", () => Sitemap.Build(pages, Absolute)) : Sitemap.Build(pages, Absolute);
        return [sitemap, .. Languages.All.Select(l => AtomFeed.Build(l, latestFirst, site.Config, Absolute)),
            SiteFiles.Robots(Absolute), SiteFiles.NoJekyll()];
    }

    /// <summary>Runs work that reports into a list, and hands the list to the shared diagnostics.</summary>
    private static IEnumerable<object> Collect(StepContext ctx, Func<ICollection<Diagnostic>, IEnumerable<object>> work)
    {
        var diagnostics = new List<Diagnostic>();
        var result = work(diagnostics).ToList();
        ctx.Diagnostics.AddRange(diagnostics);
        return result;
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

    /// <summary>When each pipeline ran, and the final write when there was one.</summary>
    public IReadOnlyList<PipelineTiming> Timings { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
