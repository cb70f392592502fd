using System.Text.RegularExpressions;
using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Rendering;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Rendering;

/// <summary>Every member a layout uses is checked against the view type it is rendered with, so a misspelt member fails the
/// theme's load (RA203, at its line) instead of rendering nothing.</summary>
public partial class TemplateCheckTests
{
    private static readonly IReadOnlySet<string> StringKeys =
        Strings.LoadAll(Path.Combine(Paths.Theme, "i18n"), LanguageSet.Default, new List<Diagnostic>())["en"].Values.Keys.ToHashSet();

    public static TheoryData<string> Layouts => [.. LayoutModel.All.Keys];

    [Fact]
    public void A_layout_rendered_to_utf8_is_the_utf8_of_the_rendered_text()
    {
        var theme = Theme.Load(Paths.Theme, StringKeys, new List<Diagnostic>())!;
        var view = new MovedView { HtmlLang = "zh-Hans", Title = "对照 😀 𠀀 <&> \"x\" e\u0301", Url = "/a/", Canonical = "https://example.org/a/", Icon = "/assets/favicon.svg" };
        var text = theme.Render("moved", view);
        Assert.Contains("对照", text);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text), theme.RenderUtf8("moved", view));
    }

    [Fact]
    public void The_theme_renders_every_layout_the_site_needs_and_each_checks_clean()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.NotNull(Theme.Load(Paths.Theme, StringKeys, diagnostics));
        Assert.Empty(diagnostics);
        Assert.All(LayoutModel.All.Keys, name => Assert.True(File.Exists(Path.Combine(Paths.Theme, "layouts", name + ".liquid")), name));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_misspelt_member_of_the_view_is_an_error_at_its_line(string layout)
    {
        using var theme = CopyTheme();
        var file = Path.Combine(theme.Path, "layouts", layout + ".liquid");
        var text = File.ReadAllText(file);
        var model = LayoutModel.All[layout];
        // The first member of the view the layout uses, misspelt.
        var match = new Regex($@"\b{model.Name}\.([a-z_]+)").Match(text);
        Assert.True(match.Success, $"{layout} uses no member of {model.Name}");
        var typo = match.Groups[1].Value + "x";
        File.WriteAllText(file, text[..match.Groups[1].Index] + typo + text[(match.Groups[1].Index + match.Groups[1].Length)..]);

        var diagnostic = Assert.Single(Load(theme.Path));
        Assert.Equal("RA203", diagnostic.Code);
        Assert.EndsWith($"{layout}.liquid", diagnostic.File);
        Assert.Equal(1 + text[..match.Index].Count(c => c == '\n'), diagnostic.Line);
        Assert.Contains($"{model.View.Name} has no '{typo}'; did you mean '{match.Groups[1].Value}'?", diagnostic.Message);
    }

    [Fact]
    public void A_misspelt_member_of_a_loop_variable_is_checked_against_the_lists_element_type()
    {
        var diagnostic = OnlyProblemWith("article", "<a href=\"#{{ s.id }}\">{{ s.heading }}</a>", "<a href=\"#{{ s.id }}\">{{ s.headng }}</a>");
        Assert.Contains("'s.headng': SectionView has no 'headng'; did you mean 'heading'?", diagnostic.Message);
    }

    [Fact]
    public void An_interface_string_that_no_language_has_is_an_error()
    {
        var diagnostic = OnlyProblemWith("list", "{{ t.newer }}", "{{ t.newest }}");
        Assert.Contains("'t.newest': the interface strings (theme/i18n) has no 'newest'; did you mean 'newer'?", diagnostic.Message);
    }

    [Fact]
    public void A_name_the_layout_does_not_have_is_an_error()
    {
        Assert.Contains("'pgae' is not defined here (the layout has page, t)", OnlyProblemWith("index", "{{ page.heading }}", "{{ pgae.heading }}").Message);
    }

    [Fact]
    public void A_layout_rendered_with_another_view_than_it_was_checked_against_is_refused()
    {
        var theme = Theme.Load(Paths.Theme, StringKeys, new List<Diagnostic>())!;
        var view = new IndexView("h", [], []);
        Assert.Throws<InvalidOperationException>(() => theme.Render("article", view, new Dictionary<string, object>()));
        Assert.Contains("<h1>h</h1>", theme.Render("index", view, new Dictionary<string, object> { ["count"] = "" }));
    }

    /// <summary>The one diagnostic a copy of the theme gets when <paramref name="from"/> in a layout is written <paramref name="to"/>.</summary>
    private static Diagnostic OnlyProblemWith(string layout, string from, string to)
    {
        using var theme = CopyTheme();
        var file = Path.Combine(theme.Path, "layouts", layout + ".liquid");
        var text = File.ReadAllText(file);
        Assert.Contains(from, text);
        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
        return Assert.Single(Load(theme.Path));
    }

    private static List<Diagnostic> Load(string theme)
    {
        var diagnostics = new List<Diagnostic>();
        Theme.Load(theme, StringKeys, diagnostics);
        return diagnostics;
    }

    private static TempDirectory CopyTheme()
    {
        var directory = new TempDirectory();
        TempDirectory.Copy(Paths.Theme, directory.Path);
        return directory;
    }
}
