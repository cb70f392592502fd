using System.Text.RegularExpressions;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Search;

/// <summary>Runs the JavaScript tests of theme/assets/search.js (tests/search-js, Node's own test runner) against the index
/// this build wrote: the tokenizer vectors, the ES2017 syntax check, real queries checked against an oracle, and queries in each
/// language of a three-language site.</summary>
public partial class SearchScriptTests(SearchSite site, Build.TrilingualSite trilingual) : IClassFixture<SearchSite>, IClassFixture<Build.TrilingualSite>
{
    private static readonly string Tests = Path.Combine(Paths.Repository, "tests", "search-js");

    [Fact]
    public void The_javascript_tests_pass_against_the_built_index()
    {
        if (!Directory.Exists(Path.Combine(Tests, "node_modules", "acorn")) || !Directory.Exists(Path.Combine(Tests, "node_modules", "linkedom")))
        {
            var install = Run("npm", "ci --no-audit --no-fund", Tests, null);
            Assert.True(install.Code == 0, "npm ci in tests/search-js failed:\n" + install.Output);
        }

        var (code, output) = Run("node", "--test --test-reporter=tap .", Tests, site.Output, trilingual.Output);
        var report = Path.Combine(Paths.Repository, "tests", "ReportArchive.Tests", "TestResults", "search-js.tap");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, output);
        var passed = int.Parse(Count().Match(output) is { Success: true } m ? m.Groups[1].Value : "0");
        var vectors = TokenizerTests.ReadVectors().Count();
        Assert.True(code == 0, "node --test failed:\n" + output);
        Assert.True(passed > vectors + 20, $"only {passed} JavaScript tests passed for {vectors} vectors:\n{output}");
        Assert.Contains("# fail 0", output);
    }

    private static (int Code, string Output) Run(string program, string arguments, string directory, string? searchSite, string? languagesSite = null) =>
        Processes.Run(program, arguments, directory, searchSite is null ? null : new Dictionary<string, string> { ["SEARCH_SITE"] = searchSite, ["LANGUAGES_SITE"] = languagesSite ?? "" });

    [GeneratedRegex(@"^# pass (\d+)", RegexOptions.Multiline)]
    private static partial Regex Count();
}
