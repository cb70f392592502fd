using System.Diagnostics;

namespace ReportArchive.Tests.Support;

/// <summary>Runs another program (git, node, bash, java) to its end and returns its exit code and what it printed.</summary>
public static class Processes
{
    public static (int Code, string Output) Run(string program, string arguments, string directory, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(new ProcessStartInfo(program, arguments), directory, environment);

    /// <summary>Runs a program with these arguments, each passed as it is (no shell, no quoting).</summary>
    public static (int Code, string Output) Run(string program, IEnumerable<string> arguments, string directory) =>
        Run(new ProcessStartInfo(program, arguments), directory, null);

    private static (int Code, string Output) Run(ProcessStartInfo start, string directory, IReadOnlyDictionary<string, string>? environment)
    {
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{start.FileName}' could not be started ({e.Message}): install it to run this test", e);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
