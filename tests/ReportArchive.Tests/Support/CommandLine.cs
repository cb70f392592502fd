using ReportArchive.Cli;

namespace ReportArchive.Tests.Support;

/// <summary>Runs the program's command line in process and returns its exit code and what it printed to each stream.</summary>
public static class CommandLine
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await Commands.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
