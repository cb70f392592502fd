using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using ReportArchive.Build;

namespace ReportArchive.Rendering;

/// <summary>The theme's Liquid layouts, parsed once, rendered with escaping on and Chinese kept as characters.</summary>
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

    public static Theme? Load(string themeDirectory, ICollection<Diagnostic> diagnostics)
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

            if (Parser.TryParse(text, out var template, out var error))
            {
                layouts[Path.GetFileNameWithoutExtension(file)] = template;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("RA201", Content.ReportLoader.Display(file), LineOf(error), $"template error: {error}"));
            }
        }

        return layouts.Count == 0 ? null : new Theme(options, layouts);
    }

    public string Render(string layout, object model)
    {
        if (!_layouts.TryGetValue(layout, out var template))
        {
            throw new InvalidOperationException($"the theme has no layouts/{layout}.liquid");
        }

        return template.Render(new TemplateContext(model, _options), Encoder);
    }

    private static int LineOf(string error)
    {
        var match = System.Text.RegularExpressions.Regex.Match(error, @"line:\s*(\d+)|\((\d+):\d+\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : 1;
    }
}
