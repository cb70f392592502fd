using System.Text;
using System.Text.RegularExpressions;

namespace ReportArchive.Tests.Support;

/// <summary>Random changes to an archive and its theme, of every kind a maintainer makes: reports written, edited, translated,
/// stamped, re-dated, renamed and removed; photos added, replaced and removed; labels, interface strings, templates, styles and
/// the site's title changed; files touched without a change; mistakes made and mended. Each change is given a random time:
/// now (within the time a file system may not tell two writes apart), a settled time, or a time in the past (as a checkout or
/// a copy that keeps times gives). Every change returns the paths it touched, as a watcher reports them.</summary>
public sealed partial class ArchiveSteps(string input, string theme, Random random)
{
    private static readonly string[] Phrases =
    [
        "老城夜市完成整治。", "区图书馆延长开放时间。", "八十个摊位统一更换遮雨棚。", "居民在新书架前挑选图书。", "记者走访了三个社区。",
        "这项服务已覆盖全区。", "志愿者每周六到岗。", "改造工程历时一年。", "孩子们在阅览室里读书。", "工作人员介绍了新的办理流程。",
    ];

    private static readonly string[] English =
    [
        "The night market reopened.", "The library now stays open later.", "Volunteers arrive every Saturday.",
        "The works took a year.", "Children read in the new room.", "Staff explained the new procedure.",
    ];

    private static readonly string[] Departments = ["culture-bureau", "market-bureau"];
    private static readonly string[] Topics = ["public-service", "children"];

    private int _made;
    private int _past;

    /// <summary>A change waiting to be undone: a mistake made by the last step, mended by the next.</summary>
    private (string Path, string Text)? _mistake;

    /// <summary>What the last step did, for the message of a failing test.</summary>
    public string Last { get; private set; } = "";

    private string Reports => Path.Combine(input, "reports");

    private List<string> Bundles() =>
        [.. Directory.EnumerateDirectories(Reports).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal)];

    private string AnyBundle() => Pick(Bundles());

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Phrase() => Pick(Phrases) + Pick(Phrases);

    /// <summary>Writes <paramref name="count"/> new reports, their files settled.</summary>
    public void AddReports(int count)
    {
        for (var i = 0; i < count; i++)
        {
            foreach (var file in Directory.EnumerateFiles(NewReport(), "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));
            }
        }
    }

    /// <summary>Makes one random change and returns the paths it touched.</summary>
    public List<string> Step()
    {
        if (_mistake is { } mistake)
        {
            _mistake = null;
            Last = $"mend {mistake.Path}";
            return [Write(mistake.Path, mistake.Text)];
        }

        var bundles = Bundles();
        var kind = bundles.Count < 3 ? 0 : random.Next(19);
        (Last, var touched) = kind switch
        {
            0 => ("add a report", Directory.EnumerateFiles(NewReport(), "*", SearchOption.AllDirectories).Select(Timed).Prepend(Reports).ToList()),
            1 => RemoveReport(),
            2 => RenameReport(),
            3 or 4 or 5 => EditText(AnyBundle(), "index.zh.md"),
            6 or 7 => EditText(AnyBundle(), "index.en.md"),
            8 => Stamp(),
            9 => Redate(),
            10 => Retag(),
            11 => AddPhoto(),
            12 => ReplacePhoto(),
            13 => RemovePhoto(),
            14 => EditTheme(),
            15 => EditLabels(),
            16 => EditSiteTitle(),
            17 => Touch(),
            _ => MakeMistake(),
        };
        return touched;
    }

    private string NewReport()
    {
        var n = _made++;
        var year = 2019 + random.Next(6);
        var bundle = Path.Combine(Reports, year.ToString(), $"made-{n:D3}");
        Directory.CreateDirectory(bundle);
        var date = new DateOnly(year, 1 + random.Next(12), 1 + random.Next(28));
        var sections = new StringBuilder();
        var english = new StringBuilder();
        for (var s = 0; s < 1 + random.Next(3); s++)
        {
            sections.Append($"## {Pick(Phrases).TrimEnd('。')} {{#part-{s}}}\n\n{Phrase()}\n\n{Phrase()}\n\n");
            english.Append($"## Part {s} {{#part-{s}}}\n\n{Pick(English)}\n\n{Pick(English)}\n\n");
        }

        File.WriteAllText(Path.Combine(bundle, "index.zh.md"),
            $"---\ntitle: 报道{n}：{Pick(Phrases).TrimEnd('。')}\ndate: {date:yyyy-MM-dd}\nbyline: 记者 周敏\ndepartments: [{Pick(Departments)}]\ntopics: [{Pick(Topics)}]\n---\n\n{Phrase()}\n\n{sections}");
        if (random.Next(3) > 0)
        {
            File.WriteAllText(Path.Combine(bundle, "index.en.md"), $"---\ntitle: Report {n}\nbyline: By Zhou Min\n---\n\n{Pick(English)}\n\n{english}");
            StampAll(bundle);
        }

        return bundle;
    }

    private (string, List<string>) RemoveReport()
    {
        var bundle = AnyBundle();
        Directory.Delete(bundle, recursive: true);
        return ($"remove {Name(bundle)}", [bundle]);
    }

    private (string, List<string>) RenameReport()
    {
        var bundle = AnyBundle();
        var moved = Path.Combine(Path.GetDirectoryName(bundle)!, $"renamed-{_made++:D3}");
        Directory.Move(bundle, moved);
        return ($"rename {Name(bundle)} to {Name(moved)}", [bundle, moved]);
    }

    private (string, List<string>) EditText(string bundle, string name)
    {
        var file = Path.Combine(bundle, name);
        if (!File.Exists(file))
        {
            return ($"no {name} in {Name(bundle)}", []);
        }

        var text = File.ReadAllText(file);
        var paragraphs = Paragraph().Matches(text);
        if (paragraphs.Count == 0)
        {
            return ($"nothing to edit in {Name(file)}", []);
        }

        var at = paragraphs[random.Next(paragraphs.Count)];
        // Same length or not: an edit that keeps the file's size is the one only its time can tell.
        var replacement = random.Next(2) == 0
            ? new string([.. at.Value.Select(c => c == '。' ? '！' : c)])
            : at.Value + (name.Contains(".zh.") ? Pick(Phrases) : " " + Pick(English));
        return ($"edit {Name(file)}", [Write(file, text[..at.Index] + replacement + text[(at.Index + at.Length)..])]);
    }

    private (string, List<string>) Stamp()
    {
        var translated = Bundles().Where(b => File.Exists(Path.Combine(b, "index.en.md"))).ToList();
        if (translated.Count == 0)
        {
            return ("nothing to stamp", []);
        }

        var bundle = Pick(translated);
        StampAll(bundle);
        var basis = Path.Combine(bundle, "stamped.en.yml");
        return ($"stamp {Name(bundle)}", [Timed(Path.Combine(bundle, "index.en.md")), .. File.Exists(basis) ? [Timed(basis)] : Array.Empty<string>()]);
    }

    /// <summary>Records that the translation matches the original as it now is (the translator's <c>stamp</c>, confirming the
    /// stale parts it names, whose English the steps did not edit).</summary>
    private void StampAll(string bundle)
    {
        var (code, _, error) = CommandLine.RunAsync("stamp", bundle, "--input", input).GetAwaiter().GetResult();
        var stale = StaleParts().Matches(error).Select(m => m.Groups[1].Value).ToList();
        if (code != 0 && stale.Count > 0)
        {
            (code, _, error) = CommandLine.RunAsync(["stamp", bundle, "--input", input, .. stale.SelectMany(p => new[] { "--confirm", p })]).GetAwaiter().GetResult();
        }

        Assert.True(code == 0, error);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"RA181: '([^']+)' is stale")]
    private static partial System.Text.RegularExpressions.Regex StaleParts();

    private (string, List<string>) Redate()
    {
        var file = Path.Combine(AnyBundle(), "index.zh.md");
        var text = File.ReadAllText(file);
        var date = DateLine().Match(text);
        if (!date.Success)
        {
            return ($"no date in {Name(file)}", []);
        }

        var day = DateOnly.Parse(date.Groups[1].Value);
        var moved = new DateOnly(day.Year, 1 + random.Next(12), 1 + random.Next(28));
        return ($"redate {Name(file)} to {moved:yyyy-MM-dd}", [Write(file, text.Replace(date.Value, $"date: {moved:yyyy-MM-dd}"))]);
    }

    private (string, List<string>) Retag()
    {
        var file = Path.Combine(AnyBundle(), "index.zh.md");
        var text = File.ReadAllText(file);
        var swapped = text.Contains("[culture-bureau]") ? text.Replace("[culture-bureau]", "[market-bureau]")
            : text.Contains("[market-bureau]") ? text.Replace("[market-bureau]", "[culture-bureau]")
            : text.Replace("[children]", "[public-service]");
        return ($"retag {Name(file)}", [Write(file, swapped)]);
    }

    private (string, List<string>) AddPhoto()
    {
        var bundle = AnyBundle();
        var photos = Path.Combine(bundle, "photos");
        Directory.CreateDirectory(photos);
        var name = $"p{_made++}.jpg";
        var photo = Path.Combine(photos, name);
        File.WriteAllBytes(photo, Jpeg());
        var file = Path.Combine(bundle, "index.zh.md");
        var figure = $"\n![{Pick(Phrases)}](photos/{name})\n";
        var touched = new List<string> { Timed(photo), Write(file, File.ReadAllText(file) + figure) };
        var english = Path.Combine(bundle, "index.en.md");
        if (File.Exists(english) && random.Next(2) == 0)
        {
            touched.Add(Write(english, File.ReadAllText(english) + $"\n![{Pick(English)}](photos/{name})\n"));
        }

        return ($"add photo {Name(photo)}", touched);
    }

    private List<string> Photos() =>
        [.. Bundles().Select(b => Path.Combine(b, "photos")).Where(Directory.Exists).SelectMany(Directory.EnumerateFiles).Order(StringComparer.Ordinal)];

    private (string, List<string>) ReplacePhoto()
    {
        var photos = Photos();
        if (photos.Count == 0)
        {
            return AddPhoto();
        }

        var photo = Pick(photos);
        File.WriteAllBytes(photo, Jpeg());
        return ($"replace photo {Name(photo)}", [Timed(photo)]);
    }

    private (string, List<string>) RemovePhoto()
    {
        var photos = Photos();
        if (photos.Count == 0)
        {
            return AddPhoto();
        }

        var photo = Pick(photos);
        var bundle = Path.GetDirectoryName(Path.GetDirectoryName(photo))!;
        var touched = new List<string> { photo };
        foreach (var file in Directory.EnumerateFiles(bundle, "index.*.md"))
        {
            var text = File.ReadAllText(file);
            var without = Regex.Replace(text, $@"!\[[^\]]*\]\(photos/{Regex.Escape(Path.GetFileName(photo))}\)\n", "");
            if (without != text)
            {
                touched.Add(Write(file, without));
            }
        }

        File.Delete(photo);
        return ($"remove photo {Name(photo)}", touched);
    }

    private (string, List<string>) EditTheme()
    {
        switch (random.Next(3))
        {
            case 0:
                var css = Path.Combine(theme, "assets", "site.css");
                return ("edit the style sheet", [Write(css, File.ReadAllText(css) + $"\n/* {_made++} */\n")]);
            case 1:
                var layout = Path.Combine(theme, "layouts", Pick(["article.liquid", "list.liquid", "base.liquid", "index.liquid"]));
                return ($"edit {Path.GetFileName(layout)}", [Write(layout, File.ReadAllText(layout) + $"\n<!-- {_made++} -->\n")]);
            default:
                var strings = Path.Combine(theme, "i18n", "en.yml");
                var text = File.ReadAllText(strings);
                var line = Regex.Match(text, @"^nav_archive: .*$", RegexOptions.Multiline);
                return ("edit an interface string", [Write(strings, text.Replace(line.Value, $"nav_archive: Archive {_made++}"))]);
        }
    }

    private (string, List<string>) EditLabels()
    {
        var file = Path.Combine(input, "taxonomy.yml");
        var text = File.ReadAllText(file);
        var label = Regex.Match(text, @"en: (District Culture and Tourism Bureau|Children)[^\n]*");
        return ("edit a label", [Write(file, text.Replace(label.Value, $"en: {label.Groups[1].Value} {_made++}"))]);
    }

    private (string, List<string>) EditSiteTitle()
    {
        var file = Path.Combine(input, "site.yml");
        var text = File.ReadAllText(file);
        var title = Regex.Match(text, @"en: City News Archive[^\n]*");
        return ("edit the site's title", [Write(file, text.Replace(title.Value, $"en: City News Archive {_made++}"))]);
    }

    private (string, List<string>) Touch()
    {
        var file = Pick(Directory.EnumerateFiles(AnyBundle(), "*", SearchOption.AllDirectories).ToList());
        return ($"touch {Name(file)}", [Write(file, File.ReadAllBytes(file))]);
    }

    private (string, List<string>) MakeMistake()
    {
        var file = Path.Combine(AnyBundle(), "index.zh.md");
        var text = File.ReadAllText(file);
        _mistake = (file, text);
        var broken = random.Next(2) == 0 ? text.Replace("title:", "title: [") : text + "\n## 没有编号的小标题\n\n段落。\n";
        return ($"break {Name(file)}", [Write(file, broken)]);
    }

    private string Write(string file, string text) => Write(file, Encoding.UTF8.GetBytes(text));

    private string Write(string file, byte[] bytes)
    {
        File.WriteAllBytes(file, bytes);
        return Timed(file);
    }

    /// <summary>Gives a file just written a random time: now, settled, or in the past (each past time used once).</summary>
    private string Timed(string file)
    {
        switch (random.Next(3))
        {
            case 0:
                break;
            case 1:
                File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-10));
                break;
            default:
                File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(-7 * ++_past));
                break;
        }

        return file;
    }

    /// <summary>A small JPEG of random colours: every one differs from every other.</summary>
    private byte[] Jpeg()
    {
        var (a, b) = ((ushort)random.Next(256), (ushort)random.Next(256));
        var bytes = PhotoSite.Quadrants(64 + random.Next(64), 48 + random.Next(48));
        var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(bytes);
        image[0, 0] = new SixLabors.ImageSharp.PixelFormats.Rgb24((byte)a, (byte)b, (byte)_made);
        using var stream = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, stream);
        image.Dispose();
        return stream.ToArray();
    }

    private string Name(string path) => Path.GetRelativePath(input, path);

    [GeneratedRegex(@"(?<=\n\n)[^\n#!<-][^\n]*(?=\n)")]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"date: (\d{4}-\d\d-\d\d)")]
    private static partial Regex DateLine();
}
