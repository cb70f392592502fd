using System.Reflection;
using ReportArchive.Content;
using ReportArchive.Photos;
using ReportArchive.Rendering;
using ReportArchive.Reuse;

namespace ReportArchive.Tests.Build;

/// <summary>What a build reuses is found by typed keys, and a page is made from its key alone: an input a page's key does not
/// hold cannot reach the page, because nothing else that a page maker can see gives a report or a photo.</summary>
public class ReuseKeyTests
{
    private sealed record Kept(string Name) : IReuseKey<string>
    {
        public string? Digest => null;
    }

    private sealed record Other(string Name) : IReuseKey<string>
    {
        public string? Digest => null;
    }

    [Fact]
    public void A_result_is_found_by_a_key_of_the_same_type_and_equal_values_only()
    {
        var store = new ReuseStore();
        var made = 0;
        Assert.Equal("a!", store.Reuse(new Kept("a"), k => { made++; return k.Name + "!"; }));
        Assert.Equal("a!", store.Reuse(new Kept("a"), k => { made++; return k.Name + "?"; }));
        Assert.Equal(1, made);
        Assert.False(store.TryReuse(new Other("a"), out _)); // the same values under another key type are another key
        Assert.False(store.TryReuse(new Kept("b"), out _));
        Assert.Equal((1, 1), (store.Hits, store.Misses));
    }

    [Fact]
    public void A_sweep_keeps_for_the_next_build_only_what_this_build_used()
    {
        var store = new ReuseStore();
        store.Record(new Kept("used"), "1");
        store.Record(new Kept("dropped"), "2");
        store.Sweep();
        Assert.True(store.TryReuse(new Kept("used"), out var used));
        Assert.Equal("1", used);
        store.Sweep();
        Assert.True(store.TryReuse(new Kept("used"), out _));
        Assert.False(store.TryReuse(new Kept("dropped"), out _));
    }

    /// <summary>The types that carry what one report or one list shows: a page maker gets them only in a key.</summary>
    private static readonly Type[] PageInputs = [typeof(Report), typeof(Translation), typeof(Photo), typeof(PhotoSet), typeof(Archive), typeof(ReportPhotos), typeof(ReportList), typeof(ReportLinks), typeof(LinkedReport), typeof(ThumbList)];

    private static bool Carries(Type type) =>
        PageInputs.Contains(type)
        || (type.HasElementType && Carries(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(Carries));

    [Fact]
    public void The_context_every_page_is_made_with_gives_no_report_and_no_photo()
    {
        var members = typeof(RenderContext).GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
        var carrying = members.Where(m => m switch
        {
            PropertyInfo p => Carries(p.PropertyType),
            FieldInfo f => Carries(f.FieldType),
            MethodInfo method => Carries(method.ReturnType) || method.GetParameters().Any(p => Carries(p.ParameterType)),
            ConstructorInfo c => c.GetParameters().Any(p => Carries(p.ParameterType)),
            _ => false,
        }).Select(m => m.Name).ToList();
        Assert.Empty(carrying);
    }

    [Fact]
    public void The_page_makers_keep_nothing_of_a_report_but_what_their_keys_bring()
    {
        Type[] makers = [typeof(ArticlePages), typeof(ListPages), typeof(SearchPages), typeof(ChooserPages)];
        foreach (var maker in makers)
        {
            var fields = maker.GetFields(BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance);
            Assert.All(fields, f => Assert.False(Carries(f.FieldType), $"{maker.Name}.{f.Name} holds {f.FieldType.Name}"));
        }

        // Each page made from a report's data is made by a method that takes its key, and the key holds the report.
        Assert.Contains(typeof(ArticlePages).GetMethods(), m => m.Name == "Render" && m.GetParameters().Single().ParameterType == typeof(ReportPagesKey));
        Assert.Contains(typeof(ReportPagesKey).GetProperties(), p => p.PropertyType == typeof(Report));
        Assert.Contains(typeof(ListPageKey).GetProperties(), p => p.PropertyType == typeof(ReportList));
        Assert.Contains(typeof(ReportPagesKey).GetProperties(), p => p.PropertyType == typeof(ReportLinks));
        Assert.Contains(typeof(ListPageKey).GetProperties(), p => p.PropertyType == typeof(ThumbList));
    }

    [Fact]
    public void A_key_is_equal_only_to_a_key_of_the_same_inputs()
    {
        var report = ReportLoader.Load(Path.Combine(Support.Paths.Fixture("seed"), "reports", "2023", "yanzhou-party-building"),
            ReportArchive.Configuration.LanguageSet.Default, new List<ReportArchive.Build.Diagnostic>())!;
        var photos = new ReportPhotos(new Dictionary<string, Photo>(), "a.webp,");
        var other = ReportLoader.Load(report.Directory, ReportArchive.Configuration.LanguageSet.Default, new List<ReportArchive.Build.Diagnostic>())!;
        var links = new ReportLinks(null, LinkedReport.Of(other), [LinkedReport.Of(other)]);
        Assert.Equal(new ReportPagesKey("site", report, photos, links), new ReportPagesKey("site", report, photos with { }, new ReportLinks(null, LinkedReport.Of(report), [LinkedReport.Of(report)])));
        Assert.NotEqual(new ReportPagesKey("site", report, photos, links), new ReportPagesKey("site", report, ReportPhotos.None, links));
        Assert.NotEqual(new ReportPagesKey("site", report, photos, links), new ReportPagesKey("other", report, photos, links));
        // The reports an article's end links to are inputs of its pages: another neighbour or related report is another key.
        Assert.NotEqual(new ReportPagesKey("site", report, photos, links), new ReportPagesKey("site", report, photos, links with { Older = null }));
        Assert.NotEqual(new ReportPagesKey("site", report, photos, links), new ReportPagesKey("site", report, photos, links with { Related = [] }));
        // What a link shows is what it is equal by: a report read again is the same link, another title is another.
        var linked = LinkedReport.Of(report);
        Assert.Equal(linked, LinkedReport.Of(other));
        Assert.NotEqual(linked, new LinkedReport(linked.Year, linked.Slug, linked.Date, linked.DateInferred, [("zh", "另一个标题")]));
        Assert.NotEqual(linked, new LinkedReport(linked.Year, linked.Slug, linked.Date.AddDays(1), linked.DateInferred, linked.Titles));
        var thumb = new Thumb("/a.webp", 480, "/a.jpg", "#fff");
        Assert.Equal(new ThumbList([thumb, null]), new ThumbList([thumb with { }, null]));
        Assert.NotEqual(new ThumbList([thumb]), new ThumbList([thumb with { Webp = "/b.webp" }]));
        Assert.Equal(new ReportList([report]), new ReportList([report]));
        // A report read again is another report, though its files did not change: the key names what was read, not where from.
        Assert.NotEqual(new ReportList([report]), new ReportList([ReportLoader.Load(report.Directory, ReportArchive.Configuration.LanguageSet.Default, new List<ReportArchive.Build.Diagnostic>())!]));
    }
}
