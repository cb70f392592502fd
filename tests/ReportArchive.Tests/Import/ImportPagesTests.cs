using System.Text;
using System.Text.RegularExpressions;
using ReportArchive.Cli;
using ReportArchive.Import;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Import;

/// <summary>The import's specification by example, in the spirit of Markdig's specs: each folder under Fixtures/import/pages holds
/// the text of a newspaper page (page.txt, in the encoding the paper used) and the draft a news editor would write from it
/// (expected.zh.md). The import must write exactly that draft, list the furniture it removed, and lose no Chinese character.</summary>
public partial class ImportPagesTests
{
    public static TheoryData<string> Pages() =>
        [.. Directory.EnumerateDirectories(Paths.Fixture("import", "pages")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_imports_to_the_draft_an_editor_would_write(string name)
    {
        using var work = new TempDirectory();
        var page = Paths.Fixture("import", "pages", name, "page.txt");

        var (code, output, error) = await CommandLine.RunAsync("import", page, "--input", work["input"], "--slug", name);

        Assert.True(code == ExitCodes.Success, error);
        var draft = Directory.EnumerateFiles(work["input"], "index.zh.md", SearchOption.AllDirectories).Single();
        var expected = File.ReadAllText(Paths.Fixture("import", "pages", name, "expected.zh.md"));
        Assert.Equal(expected, File.ReadAllText(draft));

        // Nothing lost: every Chinese character of the page is in the draft, or in a line the import said it removed.
        var removed = RemovedLine().Matches(output).Select(m => m.Groups["text"].Value).ToList();
        var source = RawText.Decode(File.ReadAllBytes(page)).Text;
        // (The draft may hold a character twice: a byline taken from the dateline, the page label in the front matter.)
        var kept = Han(File.ReadAllText(draft)).Concat(removed.SelectMany(Han)).CountBy(c => c).ToDictionary();
        foreach (var (c, count) in Han(source).CountBy(c => c))
        {
            Assert.True(kept.GetValueOrDefault(c) >= count, $"'{c}' is {count} times on the page, {kept.GetValueOrDefault(c)} times in the draft and the removed lines");
        }

        // And the paragraphs keep their order: the draft's body, captions aside, reads as a subsequence of the page.
        var body = string.Concat(File.ReadAllText(draft).Split('\n').SkipWhile(l => l != "---").Skip(1).SkipWhile(l => l != "---").Skip(1)
            .Where(l => !l.StartsWith("![", StringComparison.Ordinal)).SelectMany(Han));
        var at = 0;
        var pageHan = string.Concat(Han(source));
        foreach (var c in body)
        {
            at = pageHan.IndexOf(c, at) + 1;
            Assert.True(at > 0, $"'{c}' of the draft's body is out of the page's order");
        }
    }

    private static IEnumerable<char> Han(string text) => text.Where(Chinese.IsHan);

    [GeneratedRegex(@"removed page furniture \([^)]*\): (?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex RemovedLine();
}
