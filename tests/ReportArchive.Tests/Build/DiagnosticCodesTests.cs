using System.Text.RegularExpressions;
using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Build;

/// <summary>The table of codes is the one list: every code the program's messages name is in it, every code in it is used, and the
/// README's table of codes says the same, row for row.</summary>
public partial class DiagnosticCodesTests
{
    private static readonly string Table = Path.Combine(Paths.Repository, "site", "Build", "DiagnosticCodes.cs");

    private static HashSet<string> UsedInProgram() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Paths.Repository, "site"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && f != Table)
            .SelectMany(f => Code().Matches(File.ReadAllText(f)).Select(m => m.Value)),
    ];

    [Fact]
    public void Every_code_is_declared_once()
    {
        var codes = DiagnosticCodes.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(DiagnosticCodes.All, c => Assert.Matches("^RA[0-9]{3}$", c.Code));
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public void Every_code_the_program_names_is_in_the_table_and_every_code_in_it_is_named()
    {
        var used = UsedInProgram();
        var declared = DiagnosticCodes.All.Select(c => c.Code).ToHashSet();

        Assert.Empty(used.Except(declared).Order());
        Assert.Empty(declared.Except(used).Order());
    }

    [Fact]
    public void The_readme_lists_every_code_as_the_table_declares_it()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.Repository, "README.md"));
        var rows = Row().Matches(readme).Select(m => m.Value.Trim()).ToList();

        var expected = DiagnosticCodes.All.Select(c => $"| {c.Code} | {(c.Severity == Severity.Error ? "error" : "warning")} | {c.Title} |").ToList();
        Assert.Equal(expected, rows);
    }

    [GeneratedRegex(@"\bRA[0-9]{3}\b")]
    private static partial Regex Code();

    [GeneratedRegex(@"^\| RA[0-9]{3} \|.*\|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
