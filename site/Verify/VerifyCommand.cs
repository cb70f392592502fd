using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Verify;

/// <summary>The <c>verify</c> command: checks a built site's links, sources and addresses, and reports its size against GitHub
/// Pages' limit. Exit 0 when every reference resolves, 1 when one does not or the site is too large.</summary>
public static class VerifyCommand
{
    public static int Run(string input, string output, string? baseUrl, TextWriter stdout, TextWriter stderr)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!Directory.Exists(output))
        {
            stderr.WriteLine($"{output}: no built site here: run build first");
            return ExitCodes.ContentErrors;
        }

        var diagnostics = new List<Diagnostic>();
        var config = SiteConfig.Load(Path.Combine(input, "site.yml"), baseUrl, diagnostics);
        if (config is null)
        {
            DiagnosticPrinter.Print(diagnostics, stderr);
            return ExitCodes.ContentErrors;
        }

        diagnostics.AddRange(new SiteVerifier(output, config.BaseUrl).Verify());
        var size = Output.SiteSize.Measure(output);
        if (size.Problem(output) is { } problem)
        {
            diagnostics.Add(problem);
        }

        DiagnosticPrinter.Print(diagnostics, stderr);
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        stdout.WriteLine($"Verified {output}/ at {config.BaseUrl}: {size}; {errors} broken reference{(errors == 1 ? "" : "s")} in {clock.Elapsed.TotalSeconds:0.00} s");
        return errors > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }
}
