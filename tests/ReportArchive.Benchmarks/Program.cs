using ReportArchive.Benchmarks;

// Benchmarks print figures; they are not tests. Run from the repository root:
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- photos [count]
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- encoders
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- preview [reports]
return args switch
{
    ["photos"] => await PhotoBenchmark.RunAsync(8),
    ["photos", var n] when int.TryParse(n, out var count) && count > 0 => await PhotoBenchmark.RunAsync(count),
    ["encoders"] => EncoderBenchmark.Run(),
    ["preview"] => await PreviewBenchmark.RunAsync(1000, 10),
    ["preview", var n] when int.TryParse(n, out var count) && count > 0 => await PreviewBenchmark.RunAsync(count, 10),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: photos [count] | encoders | preview [reports]");
    return 2;
}
