using ReportArchive.Benchmarks;

// Benchmarks print figures; they are not tests. Run from the repository root:
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- photos [count]
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- encoders
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- preview [reports] [--full]
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- search [reports]
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- index [reports]     (the search index build alone)
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- scale [reports...] [--sampled|--full|--short] [--hugo-alone] [--folder dir]   (ours beside Hugo and Hugo + Pagefind, every shape unless one is named; --hugo-alone leaves Pagefind out; apt-get install hugo time, npm ci in tests/ReportArchive.Benchmarks/pagefind)
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- corpus reports folder [--full|--short]   (writes a generated input/ to look at)
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- import [MB...]   (import throughput on the page fixtures and on pages of other shapes, 1 4 8 MB by default)
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- lighthouse [runs]   (Lighthouse's four scores for the reader's pages, median of 3 runs by default; apt-get install chromium)
return args switch
{
    ["photos"] => await PhotoBenchmark.RunAsync(8),
    ["photos", var n] when int.TryParse(n, out var count) && count > 0 => await PhotoBenchmark.RunAsync(count),
    ["encoders"] => EncoderBenchmark.Run(),
    ["preview"] => await PreviewBenchmark.RunAsync(1000, 10),
    ["preview", var n] when int.TryParse(n, out var count) && count > 0 => await PreviewBenchmark.RunAsync(count, 10),
    ["preview", var n, "--full"] when int.TryParse(n, out var count) && count > 0 => await PreviewBenchmark.RunAsync(count, 10, CorpusShape.Full),
    ["search"] => await SearchBenchmark.RunAsync(2000),
    ["search", var n] when int.TryParse(n, out var count) && count > 0 => await SearchBenchmark.RunAsync(count),
    ["index", var n] when int.TryParse(n, out var count) && count > 0 => SearchBenchmark.IndexOnly(count),
    ["scale", .. var rest] when Scale([.. rest.Where(a => a != "--hugo-alone")]) is { } scale =>
        await ScaleBenchmark.RunAsync(scale.Sizes, scale.Folder, scale.Shapes, withPagefind: !rest.Contains("--hugo-alone")),
    ["import", .. var sizes] when sizes.All(n => int.TryParse(n, out var c) && c > 0) => await ImportBenchmark.RunAsync(sizes.Length == 0 ? [1, 4, 8] : [.. sizes.Select(int.Parse)]),
    ["lighthouse"] => await LighthouseBenchmark.RunAsync(3),
    ["lighthouse", var n] when int.TryParse(n, out var count) && count > 0 => await LighthouseBenchmark.RunAsync(count),
    ["corpus", var n, var folder] when int.TryParse(n, out var count) && count > 0 => WriteCorpus(count, folder, CorpusShape.Sampled),
    ["corpus", var n, var folder, "--full"] when int.TryParse(n, out var count) && count > 0 => WriteCorpus(count, folder, CorpusShape.Full),
    ["corpus", var n, var folder, "--short"] when int.TryParse(n, out var count) && count > 0 => WriteCorpus(count, folder, CorpusShape.Short),
    _ => Usage(),
};

// Sizes (1,000, 10,000 and 30,000 when none), optionally one shape (both when none), then optionally --folder and where to work.
static (int[] Sizes, string? Folder, CorpusShape[] Shapes)? Scale(string[] rest)
{
    var (words, folder) = rest is [.. var s, "--folder", var f] ? (s, f) : (rest, null);
    var (sizes, shapes) = words switch
    {
        [.. var n, "--sampled"] => (n, new[] { CorpusShape.Sampled }),
        [.. var n, "--full"] => (n, new[] { CorpusShape.Full }),
        [.. var n, "--short"] => (n, new[] { CorpusShape.Short }),
        _ => (words, new[] { CorpusShape.Sampled, CorpusShape.Full, CorpusShape.Short }),
    };
    return sizes.All(n => int.TryParse(n, out var c) && c > 0)
        ? (sizes.Length == 0 ? [1000, 10000, 30000] : [.. sizes.Select(int.Parse)], folder, shapes)
        : null;
}

static int WriteCorpus(int count, string folder, CorpusShape shape)
{
    Corpus.Write(folder, count, shape: shape);
    Console.WriteLine($"wrote {count} bilingual reports to {folder}");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: photos [count] | encoders | preview [reports] [--full] | search [reports] | index reports | scale [reports...] [--sampled|--full|--short] [--hugo-alone] [--folder dir] | corpus reports folder [--full|--short] | import [MB...] | lighthouse [runs]");
    return 2;
}
