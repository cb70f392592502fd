using ReportArchive.Benchmarks;

// Benchmarks print figures; they are not tests. Run from the repository root:
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- photos [count]
//   dotnet run -c Release --project tests/ReportArchive.Benchmarks -- encoders
return args switch
{
    ["photos"] => await PhotoBenchmark.RunAsync(8),
    ["photos", var n] when int.TryParse(n, out var count) && count > 0 => await PhotoBenchmark.RunAsync(count),
    ["encoders"] => EncoderBenchmark.Run(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: photos [count] | encoders");
    return 2;
}
