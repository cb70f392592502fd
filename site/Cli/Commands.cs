using System.CommandLine;
using ReportArchive.Build;
using ReportArchive.Import;
using ReportArchive.Translations;

namespace ReportArchive.Cli;

/// <summary>The command line: build, check, import and status, with exit codes 0 (done), 1 (content errors) and 2 (usage).</summary>
public static class Commands
{
    /// <summary>Runs a command. A failure of the environment or of the program itself is one line on <paramref name="stderr"/> and
    /// exit code 3; the stack trace is printed only with <c>--verbose</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var verbose = args.Contains("--verbose");
        try
        {
            return await RunCommandAsync([.. args.Where(a => a != "--verbose")], stdout, stderr);
        }
        catch (Exception e) when (Environmental(e) is { } cause)
        {
            stderr.WriteLine($"error RA900: {cause.Message.TrimEnd('.')}; nothing was changed in the output (the previous site, if any, is as it was)");
            if (verbose)
            {
                stderr.WriteLine(e);
            }

            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            // Only an interruption (Ctrl+C) cancels a command: a stage that fails reports its own exception, never a cancellation.
            stderr.WriteLine("stopped: the command was interrupted before it finished; nothing was changed in the output (the previous site, if any, is as it was)");
            return ExitCodes.Interrupted;
        }
        catch (Exception e)
        {
            var cause = e is AggregateException all && all.Flatten().InnerExceptions is [var only] ? only : e;
            stderr.WriteLine($"error RA999: an internal failure ({cause.GetType().Name}: {cause.Message}); this is a bug: run the command again with --verbose for the details");
            if (verbose)
            {
                stderr.WriteLine(e);
            }

            return ExitCodes.Failure;
        }
    }

    /// <summary>The failure of the environment behind an exception (a full disk, a folder that cannot be written), or null for a bug.</summary>
    private static Exception? Environmental(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException all => all.Flatten().InnerExceptions.FirstOrDefault(i => i is IOException or UnauthorizedAccessException),
        _ => null,
    };

    private static async Task<int> RunCommandAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var o = new Options();
        var root = new RootCommand("ReportArchive: a multilingual, searchable static archive of newspaper feature reports");
        foreach (var command in SiteCommands(o, stdout, stderr).Concat(ContentCommands(o, stdout, stderr)).Concat(DeskCommands(o, stdout, stderr)))
        {
            root.Subcommands.Add(command);
        }

        var parsed = root.Parse(args.Length == 0 ? ["build"] : args);
        var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : code;
    }

    /// <summary>The options that several commands share.</summary>
    private sealed class Options
    {
        public readonly Option<string> Input = new("--input") { Description = "The content folder", DefaultValueFactory = _ => "input" };
        public readonly Option<string> Theme = new("--theme") { Description = "The theme folder", DefaultValueFactory = _ => "theme" };
        public readonly Option<string> Output = new("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "output" };
        public readonly Option<string> Cache = new("--cache") { Description = "The folder where a build keeps what the next one can reuse (encoded photos, the reports as read, the index made)", DefaultValueFactory = _ => ".cache" };
        public readonly Option<string?> BaseUrl = new("--base-url") { Description = "The site's public address, e.g. https://owner.github.io/repo/ (overrides site.yml)" };
        public readonly Option<long?> SizeLimit = new("--size-limit") { Description = "The most the site may weigh, in MB (default: GitHub Pages' 1 GB; 0 for no limit, for a host without one)" };
        public readonly Argument<string> Report = new("report") { Description = "A report folder (input/reports/2023/some-slug) or its slug" };
        public readonly Option<string?> Lang = new("--lang") { Description = "The translation's language key from site.yml (default: the first translation language)" };

        /// <summary>A build's settings from the command line; only <c>build</c> names its output and cache.</summary>
        public BuildSettings Settings(ParseResult result, bool building) => new(
            result.GetValue(Input)!,
            result.GetValue(Theme)!,
            building ? result.GetValue(Output)! : "output",
            result.GetValue(BaseUrl),
            Cache: building ? result.GetValue(Cache)! : ".cache")
        {
            SizeLimit = result.GetValue(SizeLimit) switch
            {
                null => ReportArchive.Output.SiteSize.PagesLimit,
                0 => long.MaxValue,
                var mb => mb.Value * 1_000_000,
            },
        };
    }

    /// <summary>build, check, preview and verify.</summary>
    private static IEnumerable<Command> SiteCommands(Options o, TextWriter stdout, TextWriter stderr)
    {
        var timings = new Option<bool>("--timings") { Description = "Print when each stage of the build started and how long it took" };
        var build = new Command("build", "Build the site from the content folder (default: input/ -> output/)") { o.Input, o.Theme, o.Output, o.BaseUrl, o.Cache, timings, o.SizeLimit };
        build.SetAction((result, ct) => Build(o.Settings(result, building: true), stdout, stderr, ct, result.GetValue(timings)));

        var check = new Command("check", "Check all content and report every problem, and what the site will weigh; writes nothing") { o.Input, o.Theme, o.BaseUrl, o.SizeLimit };
        check.SetAction((result, ct) => Build(o.Settings(result, building: false) with { Check = true }, stdout, stderr, ct));

        var port = new Option<int>("--port") { Description = "The port on 127.0.0.1 to serve the preview on", DefaultValueFactory = _ => 8080 };
        var preview = new Command("preview", "Build, serve on 127.0.0.1, and rebuild and reload the browser when input/ or theme/ changes") { o.Input, o.Theme, port, o.Cache };
        preview.SetAction((result, ct) => Preview(new BuildSettings(result.GetValue(o.Input)!, result.GetValue(o.Theme)!, "output", null, Cache: result.GetValue(o.Cache)!),
            result.GetValue(port), stdout, stderr, ct));

        var verify = new Command("verify", "Check a built site: every internal link, source and address resolves, and its size fits GitHub Pages") { o.Input, o.Output, o.BaseUrl };
        verify.SetAction(result => Verify.VerifyCommand.Run(result.GetValue(o.Input)!, result.GetValue(o.Output)!, result.GetValue(o.BaseUrl), stdout, stderr));
        return [build, check, preview, verify];
    }

    /// <summary>import, status and new.</summary>
    private static IEnumerable<Command> ContentCommands(Options o, TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "Raw text of a newspaper page (UTF-8, UTF-16, GB18030/GBK or Big5, detected), or a folder of such .txt files" };
        var encoding = new Option<string?>("--encoding") { Description = "The text's encoding when it cannot be detected: utf-8, utf-16, gb18030 or big5" };
        var slug = new Option<string?>("--slug") { Description = "The report's URL name (ASCII); derived from the text when omitted" };
        var date = new Option<string?>("--date") { Description = "The publication date, yyyy-MM-dd; inferred from the text when omitted" };
        var force = new Option<bool>("--force") { Description = "Replace an existing draft" };
        var import = new Command("import", "Turn raw newspaper text into a draft report bundle") { file, o.Input, slug, date, force, encoding };
        import.SetAction(result => ImportCommand.Run(result.GetValue(file)!, result.GetValue(o.Input)!, result.GetValue(slug), result.GetValue(date), result.GetValue(force), stdout, stderr, result.GetValue(encoding)));

        var json = new Option<bool>("--json") { Description = "Print the coverage as JSON, for tools" };
        var counts = new Option<bool>("--counts") { Description = "Count each part's text as an agency quotes it: the original's characters new, fuzzy and exact against the archive's memory, and the translation's words" };
        var status = new Command("status", "Show translation coverage: sections current, new, stale, partial and missing, and untranslated slots") { o.Input, json, counts };
        status.SetAction(result => StatusCommand.Run(result.GetValue(o.Input)!, result.GetValue(json), stdout, stderr, result.GetValue(counts)));

        var title = new Option<string>("--title") { Description = "The report's Chinese headline", Required = true };
        var newDate = new Option<string>("--date") { Description = "The publication date, yyyy-MM-dd", Required = true };
        var newReport = new Command("new", "Create a report bundle with both language files, ready to fill in") { title, newDate, slug, o.Input };
        newReport.SetAction(result => NewCommand.Run(result.GetValue(title)!, result.GetValue(newDate)!, result.GetValue(slug), result.GetValue(o.Input)!, stdout, stderr));
        return [import, status, newReport];
    }

    /// <summary>The translator's desk: translate, stamp, and xliff export and import.</summary>
    private static IEnumerable<Command> DeskCommands(Options o, TextWriter stdout, TextWriter stderr)
    {
        var translate = new Command("translate", "Write or extend a report's translation: one slot per heading, paragraph and caption, the original in a comment") { o.Report, o.Lang, o.Input };
        translate.SetAction(result => Translations.DeskCommands.Translate(result.GetValue(o.Input)!, result.GetValue(o.Report)!, result.GetValue(o.Lang), stdout, stderr));

        var sections = new Option<string[]>("--section") { Description = "A part that is done: 'head' or a section id (repeatable); all complete parts when omitted", AllowMultipleArgumentsPerToken = true };
        var confirm = new Option<string[]>("--confirm") { Description = "A stale part whose translation still holds although the original changed: stamp it without an edit (repeatable)", AllowMultipleArgumentsPerToken = true };
        var stamp = new Command("stamp", "Record that the translation of these parts matches the current original") { o.Report, sections, confirm, o.Lang, o.Input };
        stamp.SetAction(result => Translations.DeskCommands.Stamp(result.GetValue(o.Input)!, result.GetValue(o.Report)!, result.GetValue(o.Lang), result.GetValue(sections) ?? [], result.GetValue(confirm) ?? [], stdout, stderr));

        var xliffOutput = new Option<string?>("--output", "-o") { Description = "The XLIFF file to write (default: <slug>.<lang>.xlf)" };
        var all = new Option<bool>("--all") { Description = "Every unit, not only the untranslated and stale ones" };
        var export = new Command("export", "Write a report's untranslated and stale units as XLIFF 2.0 for a translation tool") { o.Report, o.Lang, xliffOutput, all, o.Input };
        export.SetAction(result => Translations.XliffCommand.Export(result.GetValue(o.Input)!, result.GetValue(o.Report)!, result.GetValue(o.Lang), result.GetValue(xliffOutput), result.GetValue(all), stdout, stderr));
        var xliffFile = new Argument<string>("file") { Description = "An XLIFF 2.0 file exported by 'xliff export' and translated" };
        var importXliff = new Command("import", "Write an XLIFF 2.0 file's translated units into the translation and stamp the parts it completes") { xliffFile, o.Input };
        importXliff.SetAction(result => Translations.XliffCommand.Import(result.GetValue(o.Input)!, result.GetValue(xliffFile)!, stdout, stderr));
        return [translate, stamp, new Command("xliff", "Exchange translations with translation tools as XLIFF 2.0") { export, importXliff }, .. MemoryCommands(o, stdout, stderr)];
    }

    /// <summary>The archive's translation memory in and out as TMX 1.4b.</summary>
    private static IEnumerable<Command> MemoryCommands(Options o, TextWriter stdout, TextWriter stderr)
    {
        var tmxOutput = new Option<string?>("--output", "-o") { Description = "The TMX file to write (default: memory.<lang>.tmx)" };
        var export = new Command("export", "Write every current pair of the archive (original and translation) as TMX 1.4b") { o.Lang, tmxOutput, o.Input };
        export.SetAction(result => Translations.Tmx.Export(result.GetValue(o.Input)!, result.GetValue(o.Lang), result.GetValue(tmxOutput), stdout, stderr));
        var tmxFile = new Argument<string>("file") { Description = "A TMX file from a translation tool" };
        var import = new Command("import", "Keep a TMX file's pairs in input/memory/, offered by translate and xliff export beside the archive's") { tmxFile, o.Lang, o.Input };
        import.SetAction(result => Translations.Tmx.Import(result.GetValue(o.Input)!, result.GetValue(tmxFile)!, result.GetValue(o.Lang), stdout, stderr));
        var tbxOutput = new Option<string?>("--output", "-o") { Description = "The TBX file to write (default: terms.tbx)" };
        var termsExport = new Command("export", "Write the termbase (input/terms.yml) as TBX-Basic") { tbxOutput, o.Input };
        termsExport.SetAction(result => Translations.TermsCommand.Export(result.GetValue(o.Input)!, result.GetValue(tbxOutput), stdout, stderr));
        var tbxFile = new Argument<string>("file") { Description = "A TBX file (TBX-Basic) from a terminology tool" };
        var termsImport = new Command("import", "Add a TBX file's terms that input/terms.yml lacks") { tbxFile, o.Input };
        termsImport.SetAction(result => Translations.TermsCommand.Import(result.GetValue(o.Input)!, result.GetValue(tbxFile)!, stdout, stderr));
        return [new Command("tm", "The archive's translation memory as TMX, for a translator's own tool") { export, import },
            new Command("terms", "The archive's termbase as TBX, for a terminology tool") { termsExport, termsImport }];
    }

    private static async Task<int> Build(BuildSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellation, bool timings = false)
    {
        var result = await SiteBuild.RunAsync(settings, cancellation);
        DiagnosticPrinter.Print(result.Diagnostics, stderr);
        if (timings)
        {
            foreach (var t in result.Timings)
            {
                stdout.WriteLine($"{t.Name,-10} {t.Start.TotalSeconds,7:0.00} s -> {t.End.TotalSeconds,7:0.00} s  ({t.Duration.TotalSeconds:0.00} s)");
            }

            stdout.WriteLine($"Content: {Count(result.BundlesRead, "bundle")} read, {result.BundlesKept:N0} as the last build read them");
            stdout.WriteLine($"Pages: {result.Pages - result.PagesKept:N0} rendered, {result.PagesKept:N0} taken as the spare holds them (those of {Count(result.ReportsKept, "report")} of {result.Reports:N0})");
            if (result.SearchMade is { } search)
            {
                stdout.WriteLine($"Search: {search}");
            }

            stdout.WriteLine($"Memory: {GC.GetTotalAllocatedBytes() / (1 << 20):N0} MiB allocated, collections of generation 0, 1 and 2: {GC.CollectionCount(0):N0}, {GC.CollectionCount(1):N0}, {GC.CollectionCount(2):N0}");
        }

        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        var verb = settings.Check ? "Checked" : result.Written ? "Built" : "Stopped";
        var pages = settings.Check ? "" : $"{Count(result.Pages, "page")}, ";
        var photos = settings.Check ? Count(result.Photos, "photo") : $"{Count(result.Photos, "photo")} ({result.PhotosEncoded} encoded, {result.PhotosReused} reused)";
        var outcome = result.Written ? $" -> {settings.Output}/" : errors > 0 ? "; nothing was written" : "";
        if (result.Writes is { } w)
        {
            outcome += $" ({w.Written:N0} files written, {w.Unchanged:N0} unchanged, {w.Removed:N0} removed)";
        }
        var size = result.Size is { } s ? $"; the site {(settings.Check ? "will weigh" : "weighs")} {s.Summary}" : "";
        stdout.WriteLine($"{verb}: {Count(result.Reports, "report")}, {pages}{photos}, {Count(errors, "error")}, {Count(warnings, "warning")} in {result.Elapsed.TotalSeconds:0.00} s{outcome}{size}");
        return errors > 0 ? ExitCodes.ContentErrors : ExitCodes.Success;
    }

    private static async Task<int> Preview(BuildSettings settings, int port, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        try
        {
            await using var server = await ReportArchive.Preview.PreviewServer.StartAsync(settings, port, stdout);
            stdout.WriteLine($"Preview at {server.Url} (Ctrl+C to stop)");
            await Task.Delay(Timeout.Infinite, cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
            return ExitCodes.Success;
        }
        catch (ReportArchive.Preview.PreviewException e)
        {
            stderr.WriteLine(e.Message);
            return ExitCodes.ContentErrors;
        }
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
