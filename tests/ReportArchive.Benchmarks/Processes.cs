using System.Diagnostics;

namespace ReportArchive.Benchmarks;

/// <summary>Runs the other programs a benchmark measures against (npm, Pagefind, Hugo, GNU time).</summary>
public static class Processes
{
    /// <summary>Runs a program to its end; its output, or an exception that shows it when the program failed.</summary>
    public static async Task<(string Output, string Errors)> RunAsync(string program, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}):\n{await output}\n{await errors}");
        }

        return (await output, await errors);
    }
}
