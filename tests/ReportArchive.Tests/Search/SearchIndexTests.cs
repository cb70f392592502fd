using System.Collections.Immutable;
using System.Text.Json;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Routing;
using ReportArchive.Search;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Search;

/// <summary>The static index the build writes: its table of contents, shards in term order, the pages of its groups, filters.</summary>
public class SearchIndexTests(SearchSite site) : IClassFixture<SearchSite>
{
    [Fact]
    public void The_site_builds_with_its_index()
    {
        Assert.False(site.Result.HasErrors, string.Join("\n", site.Result.Diagnostics));
        Assert.True(File.Exists(Path.Combine(site.Output, "search", "index.json")));
        // Every file but the table of contents is named by a hash of its bytes (as stored before compression), and listed there.
        var named = Directory.EnumerateFiles(Path.Combine(site.Output, "search")).Select(f => Path.GetFileName(f)).Where(n => n != "index.json").Order(StringComparer.Ordinal).ToList();
        var listed = new[] { "sf", "pf", "ff" }.SelectMany(k => site.Toc.GetProperty(k).EnumerateArray().Select(e => e.GetString() + ".json.gz"))
            .Append(site.Toc.GetProperty("nf").GetString() + ".json.gz").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(listed, named);
        Assert.All(named, n => Assert.Equal(n[..^".json.gz".Length], IndexFormat.Name(System.Text.Encoding.UTF8.GetBytes(SearchSite.Inflate(Path.Combine(site.Output, "search", n))))));
    }

    [Fact]
    public void Shards_hold_their_terms_in_order_and_each_term_falls_in_the_range_the_table_of_contents_gives()
    {
        var firsts = site.Toc.GetProperty("shards").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(firsts.Count >= 2);
        Assert.Equal(firsts.Order(StringComparer.Ordinal), firsts);
        for (var i = 0; i < firsts.Count; i++)
        {
            var terms = site.Read($"s{i}.json").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(firsts[i], terms[0]);
            Assert.Equal(terms.Order(StringComparer.Ordinal), terms);
            if (i + 1 < firsts.Count)
            {
                Assert.True(string.CompareOrdinal(terms[^1], firsts[i + 1]) < 0);
            }
        }
    }

    /// <summary>The address of each group's page, from the pages files, in group order.</summary>
    private List<string> Pages()
    {
        var per = site.Toc.GetProperty("p").GetInt32();
        var files = site.Toc.GetProperty("pf").GetArrayLength();
        return [.. Enumerable.Range(0, files).SelectMany(n =>
        {
            var urls = site.Read($"p{n}.json").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.True(urls.Count <= per);
            return urls;
        })];
    }

    [Fact]
    public void Every_group_names_its_page_and_every_record_its_section_there()
    {
        var built = new BuiltSite(site.Output, "/ReportArchive/");
        var pages = Pages();
        Assert.Equal(4, pages.Count); // the seed in both languages, and the two Chinese-only fixture reports
        Assert.Equal(pages.Count, site.Toc.GetProperty("langs").EnumerateObject().Max(l => l.Value[1].GetInt32()));
        var records = 0;
        foreach (var (url, group) in pages.Select((url, group) => (url, group)))
        {
            Assert.True(built.Resolve(url, out var problem) is not null, problem);
            // The page's sections are the records' places: the head is 0, the nth section of the article n.
            var sections = built.Page(url["/ReportArchive/".Length..]).QuerySelectorAll("article section[aria-labelledby]");
            records += 1 + sections.Count(s => s.QuerySelector("h2 .orig") is not null || s.Closest("article#parallel") is null);
        }

        Assert.Equal(site.Toc.GetProperty("n").GetInt32(), records);
    }

    [Fact]
    public void A_hostile_title_is_indexed_as_text_and_its_page_shows_it_unchanged()
    {
        var url = Pages().Single(u => u.Contains("hostile-title", StringComparison.Ordinal));
        var page = new BuiltSite(site.Output, "/ReportArchive/").Page(url["/ReportArchive/".Length..]);
        Assert.Equal("<img src=x onerror=alert(1)>", page.QuerySelector("h1")!.VisibleText());
        Assert.Contains(Enumerable.Range(0, site.Toc.GetProperty("shards").GetArrayLength()), i => site.Read($"s{i}.json").TryGetProperty("onerror", out _));
    }

    [Fact]
    public void Filters_name_each_language_year_and_department()
    {
        Assert.Equal(["en", "zh"], site.Toc.GetProperty("langs").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["2020", "2021", "2023"], site.Toc.GetProperty("years").GetProperty("zh").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["2023"], site.Toc.GetProperty("years").GetProperty("en").EnumerateObject().Select(p => p.Name));
        var departments = site.Toc.GetProperty("departments").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("finance-bureau", departments);
        Assert.All(departments, d => Assert.True(site.Read($"f-{d}.json").GetArrayLength() > 0));
    }

    [Fact]
    public void The_files_hold_exactly_the_keys_the_format_names()
    {
        static string[] Keys(Type record) => [.. record.GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false).Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Single().Name)
            .Order(StringComparer.Ordinal)];
        static string[] Names(System.Text.Json.JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(Keys(typeof(IndexToc)), Names(site.Toc));
        // The pages files are arrays of addresses under the base path; nothing of a report's text is in them.
        Assert.All(Pages(), u => Assert.StartsWith("/ReportArchive/", u));
    }

    [Fact]
    public void Pairs_are_recorded_only_between_adjacent_characters_of_one_run_and_one_field()
    {
        var report = Report("老尚好，老，尚", "尚");
        var (records, _) = SearchRecord.From([report], LanguageSet.Default);
        var terms = RecordAnalysis.Analyse(records.Single(r => r.Section is not null)).Terms;
        Assert.Equal(["尚好", "老尚"], terms.Where(t => t.Value.Positions is not null).Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Single(terms["老尚"].Positions!);
        Assert.Equal(terms["老尚"].Positions![0] + 4, terms["尚好"].Positions![0]);
        Assert.Equal(2 * SearchRecord.Weight(Field.Body) + SearchRecord.Weight(Field.Heading), terms["尚"].Weighted);
        Assert.DoesNotContain("尚老", terms.Keys);
    }

    [Fact]
    public void Records_are_numbered_by_report_and_section_so_that_a_result_names_its_report()
    {
        var (records, shift) = SearchRecord.From([Report("正文", "标题")], LanguageSet.Default);
        Assert.Equal([0, 1], records.Select(r => r.Id));
        Assert.All(records, r => Assert.Equal(0, r.Id >> shift));
        Assert.Null(records[0].Section);
    }

    [Fact]
    public void A_translations_records_are_numbered_by_the_place_of_their_section_on_the_page()
    {
        // The page shows sections in the original's order, one not translated yet keeping its place: so do the records.
        var front = new FrontMatter("题", null, new DateOnly(2024, 1, 2), false, null, [], [], "a", [], ImmutableDictionary<string, int>.Empty);
        Section S(string id, string heading) => new(id, heading, 3, [new Paragraph(5, "text " + id, "text " + id)]);
        var zh = new Translation("zh", "/a/index.zh.md", front, [], [S("a", "甲"), S("b", "乙"), S("c", "丙")]);
        var en = new Translation("en", "/a/index.en.md", front with { Title = "Title" }, [], [S("c", "C"), S("b", ""), S("a", "A")]);
        var (records, shift) = SearchRecord.From([new Report("/a", "a", new DateOnly(2024, 1, 2), false, [], [], [zh, en])], LanguageSet.Default);

        var english = records.Where(r => r.Lang == "en").ToList();
        Assert.Equal([(0, null), (1, "a"), (3, "c")], english.Select(r => (r.Id & ((1 << shift) - 1), r.Section?.Id)));
    }

    [Fact]
    public void The_same_archive_gives_the_same_index_bytes()
    {
        var reports = new[] { Report("老尚好", "一"), Report("耿丽丽", "二") with { Slug = "b", Directory = "/b" } };
        var a = SearchIndex.Build(reports, At("/x/"));
        var b = SearchIndex.Build(reports, At("/x/"));
        Assert.Equal(a.Select(f => f.Path), b.Select(f => f.Path));
        Assert.Equal(a.Select(f => Convert.ToBase64String(f.Bytes!)), b.Select(f => Convert.ToBase64String(f.Bytes!)));
    }

    [Fact]
    public void An_entry_that_grows_or_shrinks_changes_only_the_shards_around_it()
    {
        // Five thousand small entries in term order; one of them made longer or shorter, or removed, changes the shard that held
        // it and perhaps the next, never the cuts far after it (a shard filled as full as it could be moved every later cut).
        var terms = Enumerable.Range(0, 5000).Select(i => $"t{i:D5}").ToList();
        List<string> Shards(Func<string, int> length)
        {
            var shards = new List<string>();
            var writer = new ShardWriter(8192, bytes => shards.Add(System.Text.Encoding.UTF8.GetString(bytes)));
            foreach (var term in terms.Where(t => length(t) > 0))
            {
                writer.Add(term, System.Text.Encoding.UTF8.GetBytes($"\"{term}\":[{new string('1', length(term))}]"));
            }

            writer.Cut();
            return shards;
        }

        var before = Shards(t => 10 + (t.GetHashCode(StringComparison.Ordinal) & 15));
        Assert.InRange(before.Count, 10, 100);
        foreach (var (edited, length) in new[] { ("t02500", 600), ("t02500", 1), ("t02500", 0), ("t00003", 900) })
        {
            var after = Shards(t => t == edited ? length : 10 + (t.GetHashCode(StringComparison.Ordinal) & 15));
            var changed = after.Except(before).Count();
            Assert.InRange(changed, 1, 3);
            Assert.InRange(before.Except(after).Count(), 1, 3);
        }
    }

    [Fact]
    public void A_changed_text_renames_only_the_files_it_changes()
    {
        // Two reports far apart in the term order: an edit of one changes its shards (and the table of contents) only.
        Report[] Archive(string first) => [Report(first, "一"), Report("Harbour lighthouse keepers", "二") with { Slug = "b", Directory = "/b" }];
        HashSet<string> Paths(string first) => [.. SearchIndex.Build(Archive(first), At("/x/"), shardBytes: 64).Select(f => f.Path)];
        var before = Paths("老尚好");
        Assert.Equal(before, Paths("老尚好"));
        var after = Paths("老尚坏");
        Assert.NotEqual(before, after);
        // The pages file, and the shards of the other report's words, keep their names.
        Assert.True(before.Intersect(after).Count(p => p != "search/index.json") >= 2, string.Join(" ", before.Intersect(after)));
        Assert.NotEqual(SearchIndex.Build(Archive("老尚好"), At("/x/")).Select(f => f.Path), SearchIndex.Build(Archive("老尚好"), At("/y/")).Select(f => f.Path));
    }

    private static Report Report(string text, string heading)
    {
        var section = new Section("s", heading, 3, [new Paragraph(5, text, text)]);
        var front = new FrontMatter("题", null, new DateOnly(2024, 1, 2), false, null, [], [], "a", [], ImmutableDictionary<string, int>.Empty);
        var zh = new Translation("zh", "/a/index.zh.md", front, [], [section]);
        return new Report("/a", "a", new DateOnly(2024, 1, 2), false, [], [], [zh]);
    }

    private static Routes At(string basePath) => new(LanguageSet.Default, new Uri("https://example.org" + basePath));
}
