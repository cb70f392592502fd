using System.Text.RegularExpressions;
using ReportArchive.Tests.Support;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Build;

/// <summary>The folders under site/ are layers: a folder uses only folders of the layers below it, so no two depend on each other
/// and a change to a stage cannot reach the files that every stage reads. A new folder must be given its layer here.</summary>
public partial class FolderLayerTests(ITestOutputHelper output)
{
    /// <summary>The layers, bottom first (see docs/design.md).</summary>
    private static readonly string[][] Layers =
    [
        ["Build", "Reuse"],
        ["Sources"],
        ["Configuration"],
        ["Routing"],
        ["Output"],
        ["Content"],
        ["Assets", "Photos", "Search", "Translations", "Verify"],
        ["Import", "Rendering"],
        ["Publish", "Preview"],
        ["Cli"],
    ];

    private static string Site => Path.Combine(Paths.Repository, "site");

    /// <summary>Which folders each folder's code names: by a using directive, a fully qualified name, or a type of the folder
    /// qualified by its namespace alone (<c>Output.JsonTypes</c>).</summary>
    private static Dictionary<string, SortedSet<string>> Uses()
    {
        var folders = Directory.EnumerateDirectories(Site).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Select(f => f!).ToList();
        var code = folders.ToDictionary(f => f, f => Comment().Replace(
            string.Join("\n", Directory.EnumerateFiles(Path.Combine(Site, f), "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText)), ""));
        var types = folders.ToDictionary(f => f, f => Declared().Matches(code[f]).Select(m => m.Groups["name"].Value).ToHashSet());
        var uses = folders.ToDictionary(f => f, _ => new SortedSet<string>(StringComparer.Ordinal));
        foreach (var folder in folders)
        {
            foreach (var other in folders.Where(o => o != folder))
            {
                var qualified = Regex.Matches(code[folder], $@"(?<![\w.""]){other}\.(?<type>[A-Z]\w*)").Any(m => types[other].Contains(m.Groups["type"].Value));
                if (qualified || Regex.IsMatch(code[folder], $@"\bReportArchive\.{other}\b"))
                {
                    uses[folder].Add(other);
                }
            }
        }

        return uses;
    }

    [Fact]
    public void Every_folder_uses_only_the_layers_below_it()
    {
        var uses = Uses();
        var layer = Layers.SelectMany((names, i) => names.Select(n => (n, i))).ToDictionary(x => x.n, x => x.i);
        foreach (var (folder, used) in uses.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{folder} -> {string.Join(", ", used)}");
        }

        Assert.DoesNotContain(uses.Keys, f => !layer.ContainsKey(f));
        var upward = uses.SelectMany(u => u.Value.Where(d => layer[d] >= layer[u.Key]).Select(d => $"{u.Key} -> {d}")).ToList();
        Assert.True(upward.Count == 0, "folders that use a folder of their own layer or above: " + string.Join(", ", upward));
    }

    [Fact]
    public void The_check_sees_the_uses_the_compiler_sees()
    {
        // Uses written in each form: by a using directive (Translations -> Content), fully qualified (Import -> Sources: the
        // door's type named as Sources.InputWrites), by the namespace alone (Output -> Routing: Routing.Routes.PhotosFolder).
        var uses = Uses();
        Assert.Contains("Content", uses["Translations"]);
        Assert.Contains("Sources", uses["Import"]);
        Assert.Contains("Routing", uses["Output"]);
        Assert.DoesNotContain("Rendering", uses["Configuration"]);
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\b(class|record|struct|enum|interface)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex Declared();
}
