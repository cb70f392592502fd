using System.Text;
using System.Xml;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>The termbase in and out as TBX: <c>terms export</c> and <c>terms import</c>.</summary>
public static class TermsCommand
{
    public static int Export(string input, string? output, TextWriter stdout, TextWriter stderr)
    {
        if (ArchiveFiles.SiteLanguages(input, stderr) is not { } languages || DeskCommands.ArchiveTerms(input, languages, stderr) is not { } terms)
        {
            return ExitCodes.ContentErrors;
        }

        var path = output ?? "terms.tbx";
        using (var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            Tbx.Write(terms, languages).Save(writer);
        }

        stdout.WriteLine($"Wrote {path}: {terms.Terms.Length} term{(terms.Terms.Length == 1 ? "" : "s")} of {Termbase.FileName} as TBX-Basic");
        return ExitCodes.Success;
    }

    /// <summary>Adds the file's terms that <c>terms.yml</c> lacks at its end; a term it has is kept as it is (and named when the
    /// file translates it otherwise).</summary>
    public static int Import(string input, string file, TextWriter stdout, TextWriter stderr)
    {
        if (ArchiveFiles.SiteLanguages(input, stderr) is not { } languages || DeskCommands.ArchiveTerms(input, languages, stderr) is not { } terms)
        {
            return ExitCodes.ContentErrors;
        }

        var errors = new List<Diagnostic>();
        if (Tbx.Read(Path.GetDirectoryName(Path.GetFullPath(file))!, file, ReportLoader.Display(file), languages, errors) is not { } read)
        {
            DiagnosticPrinter.Print(errors, stderr);
            stderr.WriteLine("nothing was written");
            return ExitCodes.ContentErrors;
        }

        var known = terms.Terms.ToDictionary(t => t.Source, StringComparer.Ordinal);
        var added = read.Where(t => !known.ContainsKey(t.Source)).DistinctBy(t => t.Source).ToList();
        var differing = read.Where(t => known.TryGetValue(t.Source, out var k) && !t.Targets.OrderBy(x => x.Key).SequenceEqual(k.Targets.OrderBy(x => x.Key))).Select(t => t.Source).ToList();
        var path = Path.Combine(input, Termbase.FileName);
        var text = File.Exists(path) ? File.ReadAllText(path) : "# The archive's termbase: see README, Quality checks and the termbase.\n";
        if (added.Count > 0)
        {
            var additions = string.Concat(added.Select(t => Tbx.Yaml(t, languages)));
            Sources.InputWrites.WriteText(input, path, text.TrimEnd('\n') + "\n" + additions);
        }

        stdout.WriteLine($"Added {added.Count} term{(added.Count == 1 ? "" : "s")} of {file} to {ReportLoader.Display(path)}" +
            (differing.Count > 0 ? $"; kept as {Termbase.FileName} has them: {string.Join(", ", differing)} (the file translates them otherwise)" : ""));
        return ExitCodes.Success;
    }
}
