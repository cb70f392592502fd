using System.Diagnostics;
using System.Text;
using CsCheck;
using ReportArchive.Build;
using ReportArchive.Tests.Support;
using Xunit.Abstractions;

namespace ReportArchive.Tests.Hostile;

/// <summary>Property-based tests: random and mutated Markdown, YAML front matter and raw newspaper text, made of the pieces that
/// attackers and careless hands use, go through check, build and import. Whatever comes in: no exception escapes (no exit code 3),
/// every diagnostic names a file of the archive and a line inside it, and nothing written carries a script address or a script.
/// A failure prints the seed that reproduces it (set CsCheck_Seed to run it again).</summary>
public class RandomInputTests(ITestOutputHelper output)
{
    /// <summary>How many random archives and pages each run tries: bounded, so that the suite's time stays predictable.</summary>
    private const int Archives = 300, Pages = 500;

    /// <summary>Pieces that leave a report publishable (with warnings at most): what must never publish a script.</summary>
    private static readonly string[] Publishable =
    [
        "<javascript:alert(1)>", "[点我](javascript:alert(1))", "[r]: javascript:alert(1)", "[引用][r]", "[x](<java\tscript:alert(1)>)",
        "[x](java&#9;script:alert(1))", "[d](data:text/html;base64,PHNjcmlwdD4=)", "[v](vbscript:msgbox)", "<JAVASCRIPT:alert(1)>",
        "[ok](https://example.org/)", "<mailto:a@example.org>", "[r2]: https://example.org/ \"t\"",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">a</a>", "<iframe src=//x>",
        "{#c}", "{onclick=alert(1)}", "{.x #y}", "<!-- 注释 -->", "<!-- zh: 注释 -->", "-->", "***", "> 引文", "- 列表", "1. 列表",
        "| a | b |\n|---|---|", "    缩进", "**粗**", "_斜_", "`code`", "&amp;", "&#0;", "&#x202E;", "\u202E", "\u200B", "\t", "\r\n",
        "\\", "\"", "'", "{{ page.title }}", "{% raw %}", "%}", "${x}", "兖州区人民检察院", "耿丽丽", "“引号”", "。", "，", "PPP项目",
        "6.6亿元", "😀", "𠀀", "e\u0301",
    ];

    /// <summary>Pieces that make a report wrong in one way or another: each must be a located error, never a crash.</summary>
    private static readonly string[] Breaking =
    [
        "![图](photos/none.jpg)", "![](photos/../../etc/passwd)", "![x](https://example.org/x.jpg)", "![a](javascript:alert(1))",
        "## 小标题 {#a}", "## {#b}", "## 没有编号", "### 三级", "# 一级", "<!--", "<!-- zh heading: 标题 -->", "---", "```",
        "\u0007", "\u000B", "\u0000", "\u001B[31m", "\uFFFE", "\r", "\uFEFF",
    ];

    /// <summary>Markup nested to a random depth, past the limit or not: a located error or a page, never a crash.</summary>
    private static readonly Gen<string> Nested =
        from shape in Gen.OneOf("> ", "- ", "1. ", "[", "![", "*_", "*强 ", "_", "**", "> - ", "  - ")
        from depth in Gen.Int[1, 300]
        select string.Concat(Enumerable.Repeat(shape, depth));

    private static readonly Gen<string> Piece = Gen.Frequency(
        (12, Gen.OneOf(Publishable)), (4, Gen.String["abc 中文字符。，\n#[]()<>!:{}*_-"]), (1, Gen.OneOf(Breaking)), (1, Gen.String[0, 12]), (1, Nested));

    private static readonly Gen<string> Body =
        from parts in Piece.Array[0, 30]
        from separators in Gen.OneOf(" ", "\n", "\n\n", "").Array[30]
        select string.Concat(parts.Select((p, i) => p + separators[i]));

    private static readonly Gen<string> FrontMatter =
        from title in Gen.OneOf(Piece, Gen.Const("测试报道"))
        from quoted in Gen.Bool
        from extra in Gen.Frequency((8, Gen.Const("")), (1, Gen.OneOf("subtitle: 副题\n", "byline: 记者 某某\n", "departments: [finance-bureau]\n", "topics: [education, x]\n",
            "date_inferred: yes\n", "slug: Bad Slug\n", "auther: x\n", "title: again\n", "\tdepartments: []\n", "translation_of: [\n")))
        select $"---\ntitle: {(quoted ? "\"" + title.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"" : title)}\ndate: 2023-05-04\n{extra}---\n\n";

    /// <summary>A language file, sometimes with a few of its bytes overwritten or cut (broken UTF-8, a truncated file).</summary>
    private static readonly Gen<byte[]> File =
        from front in FrontMatter
        from body in Body
        from mutations in Gen.Frequency((8, Gen.Const(Array.Empty<(int, byte)>())), (1, Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte).Array[1, 3]))
        from cut in Gen.Int[0, 20]
        select Mutate(Encoding.UTF8.GetBytes(front + body), mutations, cut == 0);

    private static byte[] Mutate(byte[] bytes, (int At, byte Value)[] mutations, bool truncate)
    {
        foreach (var (at, value) in mutations.Where(_ => bytes.Length > 0))
        {
            bytes[at % bytes.Length] = value;
        }

        return truncate && bytes.Length > 1 ? bytes[..(bytes.Length / 2)] : bytes;
    }

    [Fact]
    public void Check_and_build_take_any_report_without_a_crash_an_unplaced_error_or_a_script()
    {
        var clock = Stopwatch.StartNew();
        var (samples, built) = (0, 0);
        Check.Sample(Gen.Select(File, Gen.Bool, File), (zh, withTranslation, en) =>
        {
            using var site = new TestSite();
            var bundle = site.Bundle(2023, "report-a");
            Directory.CreateDirectory(bundle);
            System.IO.File.WriteAllBytes(Path.Combine(bundle, "index.zh.md"), zh);
            if (withTranslation)
            {
                System.IO.File.WriteAllBytes(Path.Combine(bundle, "index.en.md"), en);
            }

            foreach (var command in new[] { "check", "build" })
            {
                string[] args = command == "check" ? ["check", "--verbose", "--input", site.Input, "--theme", Paths.Theme]
                    : ["build", "--verbose", "--input", site.Input, "--theme", Paths.Theme, "--output", site.Output, "--cache", site.Cache];
                var (code, _, error) = CommandLine.RunAsync(args).GetAwaiter().GetResult();
                Assert.True(code is ExitCodes.Success or ExitCodes.ContentErrors, $"{command} exited {code}:\n{error}");
                AssertPlaced(error, site.Input);
            }

            if (Directory.Exists(site.Output))
            {
                Assert.Empty(Published.Scripts(site.Output));
                Interlocked.Increment(ref built);
            }

            Interlocked.Increment(ref samples);
        }, iter: Archives, threads: 2);
        output.WriteLine($"{samples} random archives checked and built in {clock.Elapsed.TotalSeconds:0.0} s; {built} of them were written");
        Assert.Equal(Archives, samples);
    }

    [Fact]
    public void Import_takes_any_page_text_without_a_crash_or_an_unplaced_error()
    {
        var furniture = Gen.OneOf("济宁日报", "2024年3月15日 星期五", "第3版", "责任编辑：周明", "（下转第4版）", "（上接第3版）", "▲区财政局举行宣讲活动。 记者 王明 摄",
            "本报讯（记者 王明 通讯员 李华）", "■ 小标题", "【链接】", "　　", "记者 陈丹", "\f", "\u0000", "\uFEFF");
        var paragraph = Gen.OneOf("兖州区人民检察院积极探索“党建+业务+服务”融合发展新路径，老尚工作室就是其中代表。",
            "教育是党之大计、国之大计。区教体局以党建为引领，实施十大工程。", "“先别急，坐下来喝口水，有啥困难都告诉我。”交谈中，老尚理清了原委。",
            "今年上半年财政局争取到专项债券额度6.6亿元，提前完成全年任务。");
        var page = from lines in Gen.Frequency((3, paragraph), (2, furniture), (2, Piece)).Array[0, 40]
                   from encoding in Gen.OneOf("utf-8", "utf-16", "gb18030")
                   from mutations in Gen.Select(Gen.Int[0, 1 << 20], Gen.Byte).Array[0, 2]
                   select Mutate(Encode(string.Join("\n", lines), encoding), mutations, false);
        var clock = Stopwatch.StartNew();
        var (samples, imported) = (0, 0);
        Check.Sample(page, bytes =>
        {
            using var work = new TempDirectory();
            System.IO.File.WriteAllBytes(work["page.txt"], bytes);
            var (code, _, error) = CommandLine.RunAsync("import", work["page.txt"], "--input", work["input"], "--slug", "random", "--date", "2024-03-15")
                .GetAwaiter().GetResult();
            Assert.True(code is ExitCodes.Success or ExitCodes.ContentErrors, $"import exited {code}:\n{error}");
            if (code == ExitCodes.Success)
            {
                Interlocked.Increment(ref imported);
                var (checkCode, _, checkError) = CommandLine.RunAsync("check", "--input", work["input"], "--theme", Paths.Theme).GetAwaiter().GetResult();
                Assert.True(checkCode is ExitCodes.Success or ExitCodes.ContentErrors, $"check of the draft exited {checkCode}:\n{checkError}");
            }

            foreach (var line in error.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)))
            {
                Assert.StartsWith(work["page.txt"], line);
            }

            Interlocked.Increment(ref samples);
        }, iter: Pages, threads: 2);
        output.WriteLine($"{samples} random pages imported in {clock.Elapsed.TotalSeconds:0.0} s; {imported} made a draft, which check then read");
        Assert.Equal(Pages, samples);
    }

    private static byte[] Encode(string text, string encoding)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return encoding == "utf-16" ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] : Encoding.GetEncoding(encoding).GetBytes(text);
    }

    /// <summary>Every diagnostic names a file of the archive and a line (and column) inside that file.</summary>
    private static void AssertPlaced(string stderr, string input)
    {
        foreach (var line in stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?<file>.+)\((?<line>\d+),(?<column>\d+)\): (error|warning) RA\d{3}: ");
            Assert.True(match.Success, $"not a located diagnostic: {line}");
            var file = match.Groups["file"].Value;
            Assert.True(System.IO.File.Exists(file), $"names no file: {line}");
            Assert.StartsWith(Path.GetFullPath(input), Path.GetFullPath(file));
            var lines = System.IO.File.ReadAllBytes(file).Count(b => b == (byte)'\n') + 1;
            var number = int.Parse(match.Groups["line"].Value);
            Assert.True(number >= 1 && number <= lines, $"line {number} is not in the file's {lines} lines: {line}");
            Assert.True(int.Parse(match.Groups["column"].Value) >= 1, line);
        }
    }
}
