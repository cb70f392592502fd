using System.Text;
using System.Text.RegularExpressions;
using ReportArchive.Build;
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
        // One draft per report on the page: expected.zh.md for the first, expected-2.zh.md for the second, and so on.
        var drafts = Directory.EnumerateFiles(work["input"], "index.zh.md", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetFileName(Path.GetDirectoryName(f))![name.Length..]);
        var expected = Directory.EnumerateFiles(Paths.Fixture("import", "pages", name), "expected*.zh.md")
            .ToDictionary(f => Path.GetFileName(f)["expected".Length..^".zh.md".Length]);
        Assert.Equal(expected.Keys.Order(), drafts.Keys.Order());
        foreach (var (suffix, file) in expected)
        {
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(drafts[suffix]));
        }

        var draft = drafts[""];
        var allDrafts = string.Concat(drafts.Values.Select(File.ReadAllText));

        // Nothing lost: every Chinese character of the page is in the draft, or in a line the import said it removed.
        var removed = RemovedLine().Matches(output).Select(m => m.Groups["text"].Value).ToList();
        var source = RawText.Decode(File.ReadAllBytes(page)).Text;
        // (The draft may hold a character twice: a byline taken from the dateline, the page label in the front matter.)
        var kept = Han(allDrafts).Concat(removed.SelectMany(Han)).CountBy(c => c).ToDictionary();
        foreach (var (c, count) in Han(source).CountBy(c => c))
        {
            Assert.True(kept.GetValueOrDefault(c) >= count, $"'{c}' is {count} times on the page, {kept.GetValueOrDefault(c)} times in the draft and the removed lines");
        }

        // And in order: each paragraph of a draft is a run of the page's text, once the removed lines are taken out (so a paragraph
        // that a jump line split is one run again).
        var pageText = string.Concat(Han(source));
        foreach (var line in removed)
        {
            var at = pageText.IndexOf(string.Concat(Han(line)), StringComparison.Ordinal);
            pageText = at < 0 ? pageText : pageText.Remove(at, Han(line).Count());
        }

        foreach (var text in drafts.Values.Select(File.ReadAllText))
        {
            var paragraphs = text.Split('\n').SkipWhile(l => l != "---").Skip(1).SkipWhile(l => l != "---").Skip(1)
                .Where(l => l.Length > 0 && !l.StartsWith("![", StringComparison.Ordinal) && !l.StartsWith("## ", StringComparison.Ordinal));
            foreach (var paragraph in paragraphs)
            {
                Assert.True(pageText.Contains(string.Concat(Han(paragraph)), StringComparison.Ordinal), $"this paragraph is not a run of the page's text: {paragraph}");
            }
        }
    }

    [Fact]
    public async Task A_folder_imports_every_page_says_what_each_became_and_fails_only_for_the_file_that_failed()
    {
        using var work = new TempDirectory();
        var folder = work["pages"];
        Directory.CreateDirectory(folder);
        File.Copy(Paths.Fixture("import", "pages", "wire-short", "page.txt"), Path.Combine(folder, "a-wire.txt"));
        File.Copy(Paths.Fixture("import", "pages", "two-reports", "page.txt"), Path.Combine(folder, "b-front-page.txt"));
        File.WriteAllBytes(Path.Combine(folder, "c-broken.txt"), [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 74, 70]);
        File.WriteAllText(Path.Combine(folder, "notes.md"), "not a page");

        var (code, output, error) = await CommandLine.RunAsync("import", folder, "--input", work["input"]);

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("c-broken.txt(1,1): error RA303: the file is a JPEG image, not text", error);
        Assert.Contains("Imported 2 of 3 files from", output);
        Assert.Equal(3, output.Split('\n').Count(l => l.StartsWith("Imported '", StringComparison.Ordinal)));
        var bundles = Directory.EnumerateDirectories(Path.Combine(work["input"], "reports"), "*", SearchOption.AllDirectories)
            .Where(d => File.Exists(Path.Combine(d, "index.zh.md"))).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["a-wire", "b-front-page", "b-front-page-2"], bundles);
        Assert.Empty(Directory.EnumerateDirectories(work["input"], "*.importing", SearchOption.AllDirectories));

        Assert.Equal(ExitCodes.Usage, (await CommandLine.RunAsync("import", folder, "--input", work["input"], "--slug", "one")).Code);
    }

    private static IEnumerable<char> Han(string text) => text.Where(Chinese.IsHan);

    [GeneratedRegex(@"removed page furniture \([^)]*\): (?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex RemovedLine();
}
