using System.Text.RegularExpressions;
using ReportArchive.Build;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Hostile;

/// <summary>Each folder under Fixtures/hostile is one archive made by an attacker or a careless hand. Its expected.txt lists the
/// diagnostics the build must give, each with its severity, code, file, line, column and the start of its message; a case with
/// an error must leave nothing written, and a case that builds must publish no script address and no script.</summary>
public partial class HostileInputTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Paths.Fixture("hostile")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_gets_its_located_diagnostics_and_nothing_unsafe_is_published(string name)
    {
        using var site = new TestSite("hostile", name);
        File.Delete(Path.Combine(site.Input, "expected.txt"));
        var expected = File.ReadAllLines(Paths.Fixture("hostile", name, "expected.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => Expected().Match(l)).ToList();
        Assert.NotEmpty(expected);

        var result = await site.BuildAsync();

        foreach (var e in expected)
        {
            Assert.True(e.Success, "expected.txt: a line is not 'severity code file(line,col) message'");
            var found = result.Diagnostics.Where(d => d.Code == e.Groups["code"].Value
                && d.File.Replace('\\', '/').EndsWith(e.Groups["file"].Value, StringComparison.Ordinal)
                && d.Line == int.Parse(e.Groups["line"].Value) && d.Column == int.Parse(e.Groups["column"].Value)
                && d.Message.StartsWith(e.Groups["message"].Value, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 1, $"{e.Value}\nnot found once among:\n{string.Join("\n", result.Diagnostics)}");
            Assert.Equal(e.Groups["severity"].Value == "error" ? Severity.Error : Severity.Warning, found[0].Severity);
        }

        if (expected.Any(e => e.Groups["severity"].Value == "error"))
        {
            Assert.False(result.Written);
            Assert.False(Directory.Exists(site.Output));
            Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(site.Output)!, ".output*"));
        }
        else
        {
            Assert.True(result.Written, string.Join("\n", result.Diagnostics));
            Assert.Empty(Published.Scripts(site.Output));
        }
    }

    [GeneratedRegex(@"^(?<severity>error|warning) (?<code>RA\d{3}) (?<file>\S+)\((?<line>\d+),(?<column>\d+)\) (?<message>.+)$")]
    private static partial Regex Expected();
}
