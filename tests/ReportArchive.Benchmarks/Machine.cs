using System.Runtime.InteropServices;

namespace ReportArchive.Benchmarks;

/// <summary>The machine a benchmark ran on, printed above its figures.</summary>
public static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {memory:0.#} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
