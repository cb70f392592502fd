using System.Globalization;
using System.Text.RegularExpressions;

namespace ReportArchive.Import;

/// <summary>A line of page furniture that was taken out of the text, with its line, for the import's account of what it removed.</summary>
public sealed record RemovedLine(int Line, string Text, string What);

/// <summary>What the page's furniture said: the printed date and the page label, if the page printed them.</summary>
public sealed record PageFacts(DateOnly? Date, string? Page, string? Paper = null);

/// <summary>Finds the furniture of an e-paper page: the paper's name, date and edition lines, page labels, editor credits and jump
/// lines (下转第4版 / 上接第3版). Furniture lines are blanked out (every other line keeps its number) and listed; a jump line's
/// place is closed up, so that the paragraph it split is one again; the printed date and the page label are kept as facts.</summary>
public static partial class PageFurniture
{
    public static (string Text, List<RemovedLine> Removed, PageFacts Facts) Strip(string text)
    {
        var lines = text.Split('\n');
        var removed = new List<RemovedLine>();
        DateOnly? date = null;
        string? page = null;
        string? paper = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim(' ', '\t', '\u3000', '\u00A0', '\f');
            if (line.Length == 0)
            {
                continue;
            }

            var what = Furniture(line, i, ref date, ref page, ref paper);
            if (what is null && Jump(lines, i, line, removed))
            {
                continue;
            }

            if (what is not null)
            {
                removed.Add(new RemovedLine(i + 1, line, what));
                lines[i] = "";
            }
        }

        return (JoinJumps(string.Join('\n', lines)), removed, new PageFacts(date, page, paper));
    }

    /// <summary>What furniture line <paramref name="line"/> (the <paramref name="i"/>th) is, or null; the page's date and label read from it.</summary>
    private static string? Furniture(string line, int i, ref DateOnly? date, ref string? page, ref string? paper)
    {
        if (DateLine().Match(line) is { Success: true } d && d.Length >= line.Length - 12)
        {
            date ??= ParseDate(d);
            page ??= PageLabel().Match(line) is { Success: true } p ? p.Value : null;
            return "the page's date";
        }

        if (EditionLine().IsMatch(line))
        {
            page ??= PageLabel().Match(line) is { Success: true } p ? p.Value : null;
            return "the page label";
        }

        if (Credits().IsMatch(line))
        {
            return "the editors' credits";
        }

        if (PaperName().Match(line) is { Success: true } name && i < 8)
        {
            paper ??= name.Groups["name"].Value;
            return "the paper's name";
        }

        return null;
    }

    /// <summary>Takes a jump line (or a jump at the end or start of a line) out of line <paramref name="i"/>, marking where the
    /// paragraph it split continues; false when the line has none.</summary>
    private static bool Jump(string[] lines, int i, string line, List<RemovedLine> removed)
    {
        if (JumpLine().IsMatch(line))
        {
            // The jump's blank surroundings are closed up: the paragraph it split continues on the next page's text.
            lines[i] = "\u0001";
            removed.Add(new RemovedLine(i + 1, line, "a jump line"));
            return true;
        }

        if (JumpAtEnd().Match(line) is { Success: true } jump)
        {
            removed.Add(new RemovedLine(i + 1, jump.Value.Trim(), "a jump line"));
            lines[i] = lines[i][..lines[i].LastIndexOf(jump.Value, StringComparison.Ordinal)].TrimEnd() + "\u0001";
            return true;
        }

        if (JumpAtStart().Match(line) is { Success: true } from)
        {
            removed.Add(new RemovedLine(i + 1, from.Value.Trim(), "a jump line"));
            lines[i] = "\u0001" + lines[i].TrimStart(' ', '\t', '\u3000')[from.Value.Length..].TrimStart();
            return true;
        }

        return false;
    }

    /// <summary>A jump's mark (\u0001) and the blank lines around it vanish: the text before it runs on into the text after it,
    /// unless that text ended a sentence (then the jump fell between two paragraphs, which stay apart). Line numbers after a
    /// jump shift by the lines it took; the listing reports the jump lines at their own numbers. One pass over the text.</summary>
    private static string JoinJumps(string text)
    {
        if (!text.Contains('\u0001'))
        {
            return text;
        }

        var joined = new System.Text.StringBuilder(text.Length);
        var at = 0;
        int mark;
        while ((mark = text.IndexOf('\u0001', at)) >= 0)
        {
            var end = mark;
            while (end > at && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            joined.Append(text, at, end - at);
            var next = mark;
            while (next < text.Length && (char.IsWhiteSpace(text[next]) || text[next] == '\u0001'))
            {
                next++;
            }

            var before = joined.Length > 0 ? joined[^1] : ' ';
            joined.Append(BlockClassifier.EndsComplete(before.ToString()) ? "\n\n" : "");
            at = next;
        }

        return joined.Append(text, at, text.Length - at).ToString();
    }

    private static DateOnly? ParseDate(Match m)
    {
        var (y, mo, d) = (int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture));
        return y is >= 1900 and <= 2100 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"第\s*\d+\s*版|^[A-H]\d{1,2}(?=\s|$|版|·|：)")]
    private static partial Regex PageLabel();

    /// <summary>An edition or page label standing alone, perhaps with its section's name: 第3版 / A2 / 第3版：要闻 / 要闻·第3版.</summary>
    [GeneratedRegex(@"^(第\s*\d+\s*版|[A-H]\d{1,2}\s*版?)([\s·：:|]*[\p{IsCJKUnifiedIdeographs}]{2,6})?$|^[\p{IsCJKUnifiedIdeographs}]{2,6}[\s·：:|]*(第\s*\d+\s*版|[A-H]\d{1,2})$")]
    private static partial Regex EditionLine();

    [GeneratedRegex(@"^[（(]?\s*(责任编辑|责编|美术编辑|美编|校对|审核|审校|编审|版式设计|版式|组版|检校|终审|值班编辑|视觉设计|責任編輯|責編|美術編輯|校對|編輯|编辑|排版|制图|製圖)\s*[：:]")]
    private static partial Regex Credits();

    /// <summary>A paper's name alone on its line near the top: 济宁日报, 齐鲁晚报, 大公报, 新华每日电讯.</summary>
    [GeneratedRegex(@"^(?<name>[\p{IsCJKUnifiedIdeographs}]{1,8}(报|報|电讯|電訊))(社)?(\s*[（(]?[\p{IsCJKUnifiedIdeographs}]{2,4}(版|版)[）)]?)?$")]
    private static partial Regex PaperName();

    [GeneratedRegex(@"^[（(【]?\s*(下转|下轉|上接|转|轉|紧接|緊接|接)\s*第?\s*[A-H\d一二三四五六七八九十]+\s*版(\s*[）)】])?$")]
    private static partial Regex JumpLine();

    [GeneratedRegex(@"[（(【]\s*(下转|下轉|转|轉)\s*第?\s*[A-H\d一二三四五六七八九十]+\s*版\s*[）)】]$")]
    private static partial Regex JumpAtEnd();

    [GeneratedRegex(@"^[（(【]\s*(上接|紧接|緊接|接)\s*第?\s*[A-H\d一二三四五六七八九十]+\s*版\s*[）)】]")]
    private static partial Regex JumpAtStart();
}
