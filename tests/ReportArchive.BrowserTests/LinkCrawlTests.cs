using System.Text.RegularExpressions;

namespace ReportArchive.BrowserTests;

/// <summary>Follows every link, source, srcset entry, form target and search index from the root of the site served under /ReportArchive/, as a reader's
/// browser would request them, and expects each one to answer 200.</summary>
[Collection(SiteCollection.Name)]
public partial class LinkCrawlTests(SiteAndBrowser fixture)
{
    [Fact]
    public async Task Every_page_asset_and_photo_reachable_from_the_root_is_served_under_the_base_path()
    {
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Site.Origin) };
        var seen = new HashSet<string> { SiteServer.BasePath };
        var queue = new Queue<string>(seen);
        var broken = new List<string>();
        var pages = 0;
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            using var response = await http.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                broken.Add($"{path}: HTTP {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            pages++;
            var html = await response.Content.ReadAsStringAsync();
            foreach (var url in References(html))
            {
                if (url.StartsWith("http", StringComparison.Ordinal) || url.StartsWith('#'))
                {
                    continue;
                }

                if (!url.StartsWith(SiteServer.BasePath, StringComparison.Ordinal))
                {
                    broken.Add($"{path}: {url} does not carry the base path");
                    continue;
                }

                var target = url.Split('#')[0];
                if (seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
        Assert.Equal(35, pages); // every page but 404.html and the parallel pages' two old addresses is reachable by links and the search forms
        Assert.Contains(seen, s => s.EndsWith("/search/index.json", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.EndsWith(".webp"));
        Assert.Contains(seen, s => s.EndsWith("feed.xml"));
    }

    private static IEnumerable<string> References(string html) =>
        Attribute().Matches(html)
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value) + (m.Groups[1].Value == "data-index" ? "index.json" : ""))
            .SelectMany(v => v.Contains(", ") || v.EndsWith('w') ? v.Split(',').Select(c => c.Trim().Split(' ')[0]) : [v]);

    [GeneratedRegex("(href|src|srcset|action|data-index)=\"([^\"]+)\"")]
    private static partial Regex Attribute();
}
