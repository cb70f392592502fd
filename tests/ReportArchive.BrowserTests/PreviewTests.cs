using ReportArchive.Preview;

namespace ReportArchive.BrowserTests;

/// <summary>The preview in a real browser: the page reloads by itself after a save, and a content error is laid over the last
/// good page until the file is fixed.</summary>
[Collection(SiteCollection.Name)]
public class PreviewTests(SiteAndBrowser fixture)
{
    [Fact]
    public async Task The_page_reloads_by_itself_and_shows_content_errors_over_the_last_good_page()
    {
        var root = Path.Combine(Path.GetTempPath(), "reportarchive-preview", Guid.NewGuid().ToString("N"));
        CopyDirectory(SiteServer.Seed, Path.Combine(root, "input"));
        try
        {
            var settings = new BuildSettings(Path.Combine(root, "input"), Path.Combine(SiteServer.Repository, "theme"), Path.Combine(root, "output"), null, Cache: Path.Combine(root, "cache"));
            await using var server = await PreviewServer.StartAsync(settings, 0, TextWriter.Null);
            var errors = new List<string>();
            await using var tab = await fixture.OpenAsync(errors);
            var page = tab.Page;
            await page.GotoAsync(server.Url + "en/" + PageTypes.Article);
            await page.WaitForSelectorAsync("html[data-preview=connected]", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });

            var file = Path.Combine(root, "input", "reports", "2023", "yanzhou-party-building", "index.en.md");
            var good = await File.ReadAllTextAsync(file);
            await File.WriteAllTextAsync(file, good.Replace("title: \"Yanzhou District Leads", "title: \"Edited: Yanzhou District Leads"));
            await page.WaitForFunctionAsync("() => document.querySelector('h1').innerText.startsWith('Edited:')");

            await File.WriteAllTextAsync(file, good.Replace("translation_of:", "translation_of: [broken"));
            var overlay = page.Locator("#preview-problems");
            await overlay.WaitForAsync();
            Assert.Contains("index.en.md", await overlay.TextContentAsync());
            Assert.StartsWith("Edited:", await page.InnerTextAsync("h1")); // the last good page stays under the message

            await File.WriteAllTextAsync(file, good);
            await page.WaitForFunctionAsync("() => !document.getElementById('preview-problems') && document.querySelector('h1').innerText.startsWith('Yanzhou')");
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
