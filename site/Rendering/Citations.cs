using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ReportArchive.Rendering;

/// <summary>What a citation names: the report's authors (its byline as printed), title, translator, where it was printed (paper,
/// date, page; the archive itself when no paper is known) and its permanent address.</summary>
public sealed record CitedReport(string? Byline, string Title, string? Translator, string? Paper, DateOnly Date, bool DateInferred, string? Page,
    string Archive, string Url);

/// <summary>A report cited as its page's readers cite: GB/T 7714-2015 (信息与文献 参考文献著录规则) in Chinese, the Chicago Manual of
/// Style (notes and bibliography) in English. Each is escaped HTML, with the paper's or the archive's name in italics in English.</summary>
public static partial class Citations
{
    /// <summary>The citation in the style of a page in <paramref name="htmlLang"/>: GB/T 7714 for Chinese, Chicago for any other.</summary>
    public static string For(string htmlLang, CitedReport report) =>
        htmlLang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? GbT7714(report, htmlLang.Contains("Hant", StringComparison.OrdinalIgnoreCase)) : Chicago(report);

    /// <summary>GB/T 7714-2015, an article of a newspaper read online (4.4, with 4.8's access path): 主要责任者. 题名[N/OL]. 报纸名,
    /// 出版日期(版次). 获取和访问路径. Without a paper, a web page of the archive (4.8): 主要责任者. 题名[EB/OL]. 档案名, (出版日期).
    /// 获取和访问路径. More than three authors end with 等; a translation names its translator (译).</summary>
    public static string GbT7714(CitedReport report, bool traditional)
    {
        var authors = ChineseNames(report.Byline);
        var parts = new List<string>();
        if (authors.Count > 0)
        {
            parts.Add(string.Join(", ", authors.Take(3)) + (authors.Count > 3 ? ", 等" : "") + ".");
        }

        var date = ArticlePages.DateIso(report.Date, report.DateInferred);
        var translated = report.Translator is { } translator ? $" {translator}, {(traditional ? "譯" : "译")}." : "";
        if (report.Paper is { } paper)
        {
            var page = PageNumber(report.Page) is { } number ? $"({number})" : "";
            parts.Add($"{report.Title}[N/OL].{translated} {paper}, {date}{page}.");
        }
        else
        {
            parts.Add($"{report.Title}[EB/OL].{translated} {report.Archive}, ({date}).");
        }

        parts.Add(report.Url + ".");
        return WebUtility.HtmlEncode(string.Join(" ", parts));
    }

    /// <summary>Chicago, a newspaper article in the bibliography: Author and Author. “Title.” Translated by T. <i>Paper</i>, Month Day,
    /// Year. URL.</summary>
    public static string Chicago(CitedReport report)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var authors = EnglishNames(report.Byline);
        var html = new List<string>();
        if (authors.Count > 0)
        {
            var names = authors.Count switch
            {
                1 => authors[0],
                2 => $"{authors[0]} and {authors[1]}",
                _ => string.Join(", ", authors.Take(authors.Count - 1)) + ", and " + authors[^1],
            };
            html.Add(E(names.EndsWith('.') ? names : names + "."));
        }

        html.Add($"“{E(report.Title.TrimEnd('.'))}.”");
        if (report.Translator is { } translator)
        {
            html.Add($"Translated by {E(translator)}.");
        }

        var date = report.Date.ToString(report.DateInferred ? "MMMM yyyy" : "MMMM d, yyyy", CultureInfo.InvariantCulture);
        var page = report.Page is { } p ? $", page {E(PageNumber(p) ?? p)}" : "";
        html.Add(report.Paper is { } paper ? $"<i>{E(paper)}</i>, {date}{page}." : $"<i>{E(report.Archive)}</i>, {date}.");
        html.Add(E(report.Url) + ".");
        return string.Join(" ", html);
    }

    /// <summary>A page label's number or letter-and-number (第3版 → 3, A2版 → A2), or the label itself when it is neither.</summary>
    public static string? PageNumber(string? page) =>
        page is null ? null : PageLabel().Match(page) is { Success: true } m ? m.Groups["n"].Value : page.Trim();

    /// <summary>The names in a Chinese byline, without the roles printed around them: 记者 陈晨 通讯员 李明 → 陈晨, 李明.</summary>
    public static List<string> ChineseNames(string? byline)
    {
        if (byline is null)
        {
            return [];
        }

        var text = ChineseRoles().Replace(Dateline().Replace(byline, " "), " ");
        return [.. NameSeparators().Split(text).Select(n => n.Trim()).Where(n => n.Length > 0)];
    }

    /// <summary>The names in an English byline, without "By" and the roles after them: By Chen Chen, staff reporter, and Li Ming →
    /// Chen Chen, Li Ming.</summary>
    public static List<string> EnglishNames(string? byline)
    {
        if (byline is null)
        {
            return [];
        }

        var text = Regex.Replace(byline.Trim(), @"^by\s+", "", RegexOptions.IgnoreCase);
        return [.. Regex.Split(text, @"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", RegexOptions.IgnoreCase)
            .Select(n => n.Trim())
            .Where(n => n.Length > 0 && !EnglishRole().IsMatch(n))];
    }

    [GeneratedRegex(@"^\s*第?\s*(?<n>[A-Za-z]?\d+)\s*版?\s*$")]
    private static partial Regex PageLabel();

    [GeneratedRegex(@"本報記者|本报记者|特約記者|特约记者|實習記者|实习记者|見習記者|见习记者|首席記者|首席记者|記者|记者|通訊員|通讯员|實習生|实习生|攝影|摄影|攝|摄|文/|图/|圖/|文／|图／|圖／|報導|報道|报道|报导|本報評論員|本报评论员|[【】\[\]（）()]")]
    private static partial Regex ChineseRoles();

    /// <summary>Where the report was filed from, after the names: ／台北報導, /北京报道.</summary>
    [GeneratedRegex(@"[／/]\s*[\p{IsCJKUnifiedIdeographs}]{1,6}\s*(報導|報道|报道|报导)")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"[\s\u3000、，,；;/／]+")]
    private static partial Regex NameSeparators();

    [GeneratedRegex(@"^(?:(?:our\s+|senior\s+|chief\s+|special\s+|staff\s+)?(?:reporter|correspondent|writer|photographer|intern|editor|contributor)s?|staff|photos?)$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishRole();
}
