using ReportArchive.Assets;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Rendering;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Rendering;

/// <summary>What the end of an article is made of: citations in each language's style, related and neighbouring reports, and the
/// names and settings the source line reads.</summary>
public class ArticleEndTests
{
    private static CitedReport Cited(string? byline, string? paper = "城区日报", string? page = "第3版", string? translator = null, bool inferred = false) =>
        new(byline, "三千户居民告别“黄汤水”", translator, paper, new DateOnly(2024, 5, 8), inferred, page, "城区新闻档案", "https://example.org/zh/reports/2024/a/");

    [Fact]
    public void A_chinese_citation_follows_gb_t_7714_for_a_newspaper_article_read_online()
    {
        Assert.Equal("陈晨, 李明. 三千户居民告别“黄汤水”[N/OL]. 城区日报, 2024-05-08(3). https://example.org/zh/reports/2024/a/.",
            Citations.GbT7714(Cited("记者 陈晨 通讯员 李明"), traditional: false));
        // More than three authors: the first three and 等. No paper: a web page of the archive. A translation names its translator.
        Assert.Equal("甲, 乙, 丙, 等. 三千户居民告别“黄汤水”[EB/OL]. 王五, 译. 城区新闻档案, (2024-05). https://example.org/zh/reports/2024/a/.",
            Citations.GbT7714(Cited("本报记者 甲 乙 丙 丁", paper: null, translator: "王五", inferred: true), traditional: false));
        Assert.Contains("林曉, 譯.", Citations.GbT7714(Cited(null, translator: "林曉"), traditional: true));
        Assert.StartsWith("三千户居民告别", Citations.GbT7714(Cited(null), traditional: false));
    }

    [Fact]
    public void An_english_citation_follows_chicago_with_the_paper_in_italics_and_everything_escaped()
    {
        var cited = new CitedReport("By Chen Chen, staff reporter, and Li Ming, correspondent", "Brown Water <Gone>", "Anna & Bo", "City Daily",
            new DateOnly(2024, 5, 8), false, "A2版", "City News Archive", "https://example.org/en/a/");
        Assert.Equal("Chen Chen and Li Ming. “Brown Water &lt;Gone&gt;.” Translated by Anna &amp; Bo. <i>City Daily</i>, May 8, 2024, page A2. https://example.org/en/a/.",
            Citations.Chicago(cited));
        Assert.StartsWith("A, B, and C. ", Citations.Chicago(cited with { Byline = "By A, B and C" }));
        Assert.Contains("<i>City News Archive</i>, May 2024.", Citations.Chicago(cited with { Paper = null, DateInferred = true }));
        Assert.Equal(Citations.Chicago(cited), Citations.For("en", cited));
        Assert.Equal(Citations.GbT7714(cited, true), Citations.For("zh-Hant", cited));
    }

    [Theory]
    [InlineData("第3版", "3")]
    [InlineData("第 12 版", "12")]
    [InlineData("A2", "A2")]
    [InlineData("A12版", "A12")]
    [InlineData("要闻", "要闻")]
    public void A_page_label_gives_its_number(string label, string number) => Assert.Equal(number, Citations.PageNumber(label));

    [Theory]
    [InlineData("记者 陈晨 通讯员 李明", "陈晨,李明")]
    [InlineData("本报记者　田　野", "田,野")]
    [InlineData("【記者陳美華／台北報導】", "陳美華")]
    [InlineData("【記者王小明、李大華／台北報導】", "王小明,李大華")]
    [InlineData("文/张三 图/李四", "张三,李四")]
    public void A_chinese_byline_gives_its_names(string byline, string names) => Assert.Equal(names, string.Join(",", Citations.ChineseNames(byline)));

    private static Report Bundle(TempDirectory root, string slug, string date, string[] departments, string[] topics, string? title = null)
    {
        var folder = root[Path.Combine("reports", date[..4], slug)];
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "index.zh.md"),
            $"---\ntitle: {title ?? slug}\ndate: {date}\ndepartments: [{string.Join(", ", departments)}]\ntopics: [{string.Join(", ", topics)}]\n---\n\n正文。\n");
        var diagnostics = new List<Diagnostic>();
        var report = ReportLoader.Load(folder, LanguageSet.Default, diagnostics);
        Assert.Empty(diagnostics);
        return report!;
    }

    [Fact]
    public void Related_reports_share_the_most_topics_then_departments_then_lie_nearest_in_time()
    {
        using var root = new TempDirectory();
        List<Report> reports =
        [
            Bundle(root, "newest", "2024-06-01", ["water"], ["pipes"]),
            Bundle(root, "both-topics", "2024-05-01", [], ["pipes", "old-town"]),
            Bundle(root, "subject", "2024-04-01", ["water"], ["pipes", "old-town"]),
            Bundle(root, "department-only", "2024-03-31", ["water"], []),
            Bundle(root, "one-topic-far", "2020-01-01", [], ["old-town"]),
            Bundle(root, "unrelated", "2024-04-02", ["schools"], ["exams"]),
        ];
        var links = ReportLinks.Of(reports);

        var subject = links[2];
        Assert.Equal(["both-topics", "newest", "one-topic-far", "department-only"], subject.Related.Select(r => r.Slug));
        Assert.Equal("both-topics", subject.Newer!.Slug);
        Assert.Equal("department-only", subject.Older!.Slug);
        Assert.Null(links[0].Newer);
        Assert.Null(links[^1].Older);
        Assert.Empty(links[^1].Related);
        Assert.All(links.Select((l, i) => (l, i)), x => Assert.DoesNotContain(x.l.Related, r => r.Slug == reports[x.i].Slug));
        // The same archive gives the same links, on every core.
        Assert.Equal(links, ReportLinks.Of(reports));
    }

    [Fact]
    public void An_article_shows_at_most_five_related_reports_however_many_share_its_topics()
    {
        using var root = new TempDirectory();
        var reports = Enumerable.Range(1, 40).Select(d => Bundle(root, $"r{d:D2}", $"2024-01-{Math.Min(d, 28):D2}", [], ["same"])).Reverse().ToList();
        var links = ReportLinks.Of(reports);
        Assert.All(links, l => Assert.Equal(ReportLinks.RelatedCount, l.Related.Count));
    }

    [Fact]
    public void Chinese_in_both_scripts_is_named_apart_and_one_script_alone_keeps_its_name()
    {
        Language Chinese(string key, string tag, bool original) =>
            new(key, tag, "中文", original, "yyyy年M月d日", "yyyy年M月", ReadingUnit.Characters, 400, "zh_CN");
        var both = new LanguageSet([Chinese("zh", "zh-Hans", true), Chinese("zh-hant", "zh-Hant", false) with { Name = "繁體中文" }]);
        Assert.Equal(["简体中文", "繁體中文"], both.All.Select(l => l.Name));
        Assert.Equal("中文", LanguageSet.Default.Original.Name);
        var named = new LanguageSet([Chinese("zh", "zh-Hans", true) with { Name = "普通话版" }, Chinese("zh-hant", "zh-Hant", false)]);
        Assert.Equal(["普通话版", "繁體中文"], named.All.Select(l => l.Name));
    }

    [Fact]
    public void The_archives_paper_is_one_name_for_every_language_or_one_in_each()
    {
        using var root = new TempDirectory();
        var file = root["site.yml"];
        File.WriteAllText(file, "title: {zh: 档案, en: Archive}\ndescription: {zh: 说明, en: About}\nbase_url: https://example.org/\npaper: 城区日报\n");
        var diagnostics = new List<Diagnostic>();
        Assert.Equal("城区日报", SiteConfig.Load(file, null, diagnostics)!.Paper!.In("en"));
        File.WriteAllText(file, "title: {zh: 档案, en: Archive}\ndescription: {zh: 说明, en: About}\nbase_url: https://example.org/\npaper: {zh: 城区日报, en: City Daily}\n");
        Assert.Equal("City Daily", SiteConfig.Load(file, null, diagnostics)!.Paper!.In("en"));
        Assert.Empty(diagnostics);
        File.WriteAllText(file, "title: {zh: 档案, en: Archive}\ndescription: {zh: 说明, en: About}\nbase_url: https://example.org/\npaper: {zh: 城区日报}\n");
        Assert.Null(SiteConfig.Load(file, null, diagnostics));
        Assert.Contains(diagnostics, d => d.Code == "RA105");
    }

    [Fact]
    public void Theme_stylesheets_and_scripts_are_minified_and_a_broken_one_is_published_as_written_with_a_warning()
    {
        using var theme = new TempDirectory();
        Directory.CreateDirectory(theme["assets"]);
        File.WriteAllText(theme["assets/a.css"], "/* a comment */\nbody {\n  color: red;\n}\n");
        File.WriteAllText(theme["assets/a.js"], "// a comment\nfunction twice(value) {\n  return value * 2;\n}\nwindow.twice = twice;\n");
        File.WriteAllText(theme["assets/broken.js"], "function (\n");
        File.WriteAllText(theme["assets/icon.svg"], "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
        var diagnostics = new List<Diagnostic>();
        var assets = AssetFiles.Read(theme.Path, diagnostics);
        string Text(string name) => System.Text.Encoding.UTF8.GetString(assets.Files.Single(f => f.Path == assets.Paths[name]).Bytes.ToArray());
        Assert.Equal("body{color:#f00}", Text("a.css"));
        Assert.DoesNotContain("comment", Text("a.js"));
        Assert.Contains("window.twice=twice", Text("a.js"));
        Assert.Equal("function (\n", Text("broken.js"));
        Assert.Equal("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", Text("icon.svg"));
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("RA204", Severity.Warning), (warning.Code, warning.Severity));
        Assert.EndsWith("broken.js", warning.File);
    }
}
