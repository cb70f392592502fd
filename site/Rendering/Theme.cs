using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using ReportArchive.Build;

namespace ReportArchive.Rendering;

/// <summary>The theme's Liquid layouts, parsed once and checked against the views they are rendered with (<see cref="LayoutModel"/>),
/// rendered with escaping on and Chinese kept as characters.</summary>
public sealed class Theme
{
    /// <summary>Escapes markup characters but leaves every other character as it is (the default encoder would turn 中 into &amp;#x4E2D;).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions _options;
    private readonly Dictionary<string, IFluidTemplate> _layouts;

    private Theme(TemplateOptions options, Dictionary<string, IFluidTemplate> layouts)
    {
        _options = options;
        _layouts = layouts;
    }

    /// <summary>Reads and checks the layouts; <paramref name="strings"/> are the interface strings' keys that <c>t.…</c> may name.</summary>
    public static Theme? Load(string themeDirectory, IReadOnlySet<string> strings, ICollection<Diagnostic> diagnostics)
    {
        var layoutsDirectory = Path.Combine(themeDirectory, "layouts");
        if (!Directory.Exists(layoutsDirectory))
        {
            diagnostics.Add(Diagnostic.Error("RA200", layoutsDirectory, 1, "the theme has no layouts folder"));
            return null;
        }

        var options = new TemplateOptions
        {
            MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase },
        };
        var layouts = new Dictionary<string, IFluidTemplate>();
        foreach (var file in Directory.EnumerateFiles(layoutsDirectory, "*.liquid").Order(StringComparer.Ordinal))
        {
            if (Sources.SourceFiles.ReadText(themeDirectory, file, Content.ReportLoader.Display(file), diagnostics) is not { } text)
            {
                continue;
            }

            var name = Path.GetFileNameWithoutExtension(file);
            if (Parser.TryParse(text, out var template, out var error))
            {
                layouts[name] = template;
                if (LayoutModel.All.TryGetValue(name, out var model))
                {
                    foreach (var problem in TemplateCheck.Problems(template, model, strings))
                    {
                        var (line, column) = Where(text, problem.Path);
                        diagnostics.Add(Diagnostic.Error("RA203", Content.ReportLoader.Display(file), line, $"{problem.Message}: the layout is rendered with {model.View.Name}", column));
                    }
                }
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("RA201", Content.ReportLoader.Display(file), LineOf(error), $"template error: {error}"));
            }
        }

        return layouts.Count == 0 ? null : new Theme(options, layouts);
    }

    /// <summary>Renders a layout with its view (and the interface strings of the page's language, when the layout has them).
    /// The view's type must be the one the layout was checked against.</summary>
    public string Render<TView>(string layout, TView view, IReadOnlyDictionary<string, object>? strings = null)
        where TView : notnull
    {
        var text = RenderInto(layout, view, strings);
        var result = text.ToString();
        text.Clear();
        return result;
    }

    /// <summary>Renders a layout as <see cref="Render"/> does, straight to UTF-8: a whole page is never made a string.</summary>
    public byte[] RenderUtf8<TView>(string layout, TView view, IReadOnlyDictionary<string, object>? strings = null)
        where TView : notnull
    {
        var text = RenderInto(layout, view, strings);
        if (_chars is null || _chars.Length < text.Length)
        {
            _chars = new char[Math.Max(text.Length, 64 * 1024)];
        }

        text.CopyTo(0, _chars, text.Length);
        var chars = _chars.AsSpan(0, text.Length);
        text.Clear();
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(chars)];
        System.Text.Encoding.UTF8.GetBytes(chars, bytes);
        return bytes;
    }

    // Each thread renders into one buffer, kept from page to page (a page is tens of kilobytes: a new buffer a page grew and
    // copied itself again and again), and encodes a page from one array of its characters.
    [ThreadStatic]
    private static StringWriter? _writer;

    [ThreadStatic]
    private static char[]? _chars;

    /// <summary>Renders into the thread's buffer (see <see cref="_writer"/>), which the caller reads and clears.</summary>
    private System.Text.StringBuilder RenderInto<TView>(string layout, TView view, IReadOnlyDictionary<string, object>? strings)
        where TView : notnull
    {
        if (!_layouts.TryGetValue(layout, out var template))
        {
            throw new InvalidOperationException($"the theme has no layouts/{layout}.liquid");
        }

        var model = LayoutModel.All[layout];
        if (model.View != typeof(TView) || model.Strings != strings is not null)
        {
            throw new InvalidOperationException($"layouts/{layout}.liquid is checked against {model.View.Name}, not rendered with {typeof(TView).Name}");
        }

        var context = new TemplateContext(_options);
        context.SetValue(model.Name, view);
        if (strings is not null)
        {
            context.SetValue("t", strings);
        }

        // Taken for the time of the render, so that a render inside a render (none today) would not share it.
        var writer = _writer ?? new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        _writer = null;
        writer.GetStringBuilder().Clear();
        var rendering = template.RenderAsync(writer, Encoder, context);
        if (!rendering.IsCompletedSuccessfully)
        {
            rendering.AsTask().GetAwaiter().GetResult();
        }

        _writer = writer;
        return writer.GetStringBuilder();
    }

    /// <summary>Where a member path first appears in the layout's text.</summary>
    private static (int Line, int Column) Where(string text, string path)
    {
        var at = text.IndexOf(path, StringComparison.Ordinal);
        if (at < 0)
        {
            return (1, 1);
        }

        var line = 1 + text.AsSpan(0, at).Count('\n');
        return (line, at - (text.LastIndexOf('\n', at) + 1) + 1);
    }

    private static int LineOf(string error)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error, @"line:\s*(\d+)|\((\d+):\d+\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : 1;
    }
}
