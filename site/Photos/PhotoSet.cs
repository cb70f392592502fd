using ReportArchive.Build;
using ReportArchive.Content;
using ReportArchive.Output;

namespace ReportArchive.Photos;

/// <summary>The photos stage: every photo the reports show, encoded (or, in a check, only validated), with their files.</summary>
public sealed record PhotoSet(IReadOnlyList<Photo> Photos, int Accepted, IReadOnlyList<OutputFile> Files) : IPublishes
{
    /// <summary>Each report's photos, once each, on every core; without <paramref name="encode"/> (a check) they are validated and
    /// described from the cache or their header, and nothing is encoded.</summary>
    public static PhotoSet Process(Archive archive, PhotoCache cache, PhotoSettings settings, bool encode, ICollection<Diagnostic> diagnostics)
    {
        var requests = archive.Reports.SelectMany(Requests).ToArray();
        var results = new (ProcessedPhoto? Photo, List<Diagnostic> Diagnostics)[requests.Length];
        Parallel.For(0, requests.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var found = new List<Diagnostic>();
            results[i] = (PhotoProcessor.Process(requests[i], cache, settings, encode, found), found);
        });
        foreach (var d in results.SelectMany(r => r.Diagnostics))
        {
            diagnostics.Add(d);
        }

        var processed = results.Select(r => r.Photo).OfType<ProcessedPhoto>().ToList();
        return new PhotoSet([.. processed.Select(p => p.Photo)], processed.Count, [.. processed.SelectMany(p => p.Files)]);
    }

    /// <summary>A report's photos as its language files use them, each once, named for the site.</summary>
    private static IEnumerable<PhotoRequest> Requests(Report report)
    {
        if (!report.HasFigures)
        {
            return [];
        }

        var figures = report.Files
            .SelectMany(t => t.Figures.Select(f => (Translation: t, Figure: f)))
            .Where(x => PhotoPaths.Problem(x.Figure.Source) is null)
            .DistinctBy(x => x.Figure.Source)
            .ToList();
        var names = PhotoRequest.Names(figures.Select(x => x.Figure.Source));
        return figures.Select(x => new PhotoRequest(report.Directory, x.Figure.Source, Routing.Routes.PhotoFolder(report), x.Translation.File, x.Figure.Line, names[x.Figure.Source]));
    }
}

/// <summary>A photo that passed its checks: its model and its files (in a check, as the cache holds them or as estimated).</summary>
public sealed record ProcessedPhoto(Photo Photo, IReadOnlyList<OutputFile> Files);
