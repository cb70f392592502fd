using System.Text.RegularExpressions;

namespace ReportArchive.Import;

/// <summary>Tells headings, bylines, captions and paragraphs apart in text extracted from a newspaper page.</summary>
public static partial class BlockClassifier
{
    private const string SentenceEnds = "。！？";
    private const string InnerPunctuation = "，。！？；：,.!?;:";

    /// <summary>Splits the text into non-empty lines, counting the blank lines around each.</summary>
    public static List<RawBlock> Split(string text, int linesBefore = 0)
    {
        var lines = text.Split('\n');
        var blocks = new List<RawBlock>();
        var gap = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Trim(lines[i]);
            if (line.Length == 0)
            {
                gap++;
                continue;
            }

            if (blocks.Count > 0)
            {
                blocks[^1] = blocks[^1] with { GapAfter = gap };
            }

            blocks.Add(new RawBlock(line, linesBefore + i + 1, blocks.Count == 0 ? 0 : gap, 0));
            gap = 0;
        }

        if (blocks.Count > 0)
        {
            blocks[^1] = blocks[^1] with { GapAfter = int.MaxValue };
        }

        return blocks;
    }

    public static RawKind Classify(RawBlock block, bool nearTop)
    {
        var text = block.Text;
        if (nearTop && Byline().IsMatch(text))
        {
            return RawKind.Byline;
        }

        if (CaptionMark().IsMatch(text))
        {
            return RawKind.Caption;
        }

        if (IsHeading(Unmarked(text)))
        {
            return RawKind.Heading;
        }

        return IsCaption(block) ? RawKind.Caption : RawKind.Paragraph;
    }

    /// <summary>A heading without the marker the page set before it (■ □ ● ◆ ▶ …) or the brackets around it (【…】).</summary>
    public static string Unmarked(string text)
    {
        var marked = HeadingMark().Match(text);
        return marked.Success ? marked.Groups["text"].Value.Trim() : text;
    }

    /// <summary>A byline the paper set in the dateline at the head of the first paragraph: 本报讯（记者 王明 通讯员 李华）,
    /// 新华社济南6月7日电（记者 王明 李华）. The paragraph keeps its dateline as printed; the byline is the part in brackets.</summary>
    public static string? DatelineByline(string text) =>
        Dateline().Match(text) is { Success: true } m ? Spaces().Replace(m.Groups["byline"].Value.Trim(), " ") : null;

    /// <summary>A caption without its pointer (▲, △) and with its credit apart (记者 王明 摄, 新华社发, 资料图片).</summary>
    public static (string Caption, string? Credit) SplitCredit(string text)
    {
        // ▲ and △ point at the photo and go; words such as 图为 and 上图： are the caption's own and stay.
        var caption = text.TrimStart('▲', '△', '▼', '▽', ' ', '\u3000');
        if (CreditAtEnd().Match(caption) is not { Success: true } credit)
        {
            return (caption, null);
        }

        var rest = caption[..credit.Index].TrimEnd();
        return rest.Length == 0 ? (caption, null) : (rest, Spaces().Replace(credit.Groups["credit"].Value.Trim(), " "));
    }

    /// <summary>A heading is a short line of Chinese with no sentence punctuation (often two phrases side by side).</summary>
    public static bool IsHeading(string text) =>
        text.Length is >= 4 and <= 32 && text.Any(Chinese.IsHan) && !text.Any(c => InnerPunctuation.Contains(c)) && !text.EndsWith('摄');

    /// <summary>A caption is one short sentence set apart from the text above it by a wide gap, or credited to a photographer.</summary>
    public static bool IsCaption(RawBlock block)
    {
        if (CaptionMark().IsMatch(block.Text) || (CreditAtEnd().Match(block.Text) is { Success: true } c && c.Groups["marker"].Success && block.Text.Length <= 90))
        {
            return true;
        }

        var credit = PhotoCredit().Match(block.Text);
        var text = credit.Success ? block.Text[..credit.Index].TrimEnd() : block.Text;
        var ends = text.Count(c => SentenceEnds.Contains(c));
        var oneSentence = text.Length == 0 || ends == 1 && SentenceEnds.Contains(text[^1]) || ends == 0 && credit.Success;
        return oneSentence && text.Length <= 60 && (credit.Success || block.GapBefore >= 2);
    }

    /// <summary>Whether a paragraph ends where a sentence can end; one that does not was cut by the page layout.</summary>
    public static bool EndsComplete(string text) => "。！？…”’」』）)".Contains(text[^1]);

    public static bool StartsWithQuote(string text) => text[0] is '“' or '‘' or '「' or '『';

    private static string Trim(string line) => line.Trim(' ', '\t', '\u3000', '\u00A0', '\uFEFF');

    [GeneratedRegex(@"^[□■●◆◇]?[\s\u3000]*((本报|本報|新华社|新華社|中新社)?(特约|特約|首席)?(记者|記者|通讯员|通訊員|实习生|實習生|见习记者)[\s\u3000]*[\p{IsCJKUnifiedIdeographs}·、\s\u3000]{2,30}|(文|图|文\s*/\s*图|图\s*/\s*文|文图|摄影)\s*[／/：:][\s\u3000]*[\p{IsCJKUnifiedIdeographs}·、\s\u3000]{2,30})$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(本报讯|本報訊|本报[\p{IsCJKUnifiedIdeographs}]{2,6}\d{0,2}月?\d{0,2}日?电|[\p{IsCJKUnifiedIdeographs}]{2,5}社[\p{IsCJKUnifiedIdeographs}]{2,8}\d{1,2}月\d{1,2}日电)[\s\u3000]*[（(](?<byline>[^）)]{2,40})[）)]")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"^([■□●◆◇▶►★☆◎※]+[\s\u3000]*(?<text>.+)|【(?<text>[^】]+)】)$")]
    private static partial Regex HeadingMark();

    [GeneratedRegex(@"^([▲△▼▽]|(图为|上图|下图|左图|右图|中图|图[①②③④⑤⑥\d])[：:]?)")]
    private static partial Regex CaptionMark();

    [GeneratedRegex(@"[\s\u3000]*[（(]?(?<credit>(?<marker>(本报|本報|新华社|新華社|中新社)?(特约|特約)?(记者|記者|通讯员|通訊員)[\s\u3000]*[\p{IsCJKUnifiedIdeographs}·、\s\u3000]{2,16}?[\s\u3000]*(摄|攝)|新华社发|新華社發|新华社供图|资料图片|資料圖片|本报资料图片?|受访者供图|受訪者供圖|[\p{IsCJKUnifiedIdeographs}]{2,10}(供图|供圖)))[）)]?。?$")]
    private static partial Regex CreditAtEnd();

    [GeneratedRegex(@"[\s\u3000]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[（(](本报)?(记者|通讯员)?[\s\u3000]*[\p{IsCJKUnifiedIdeographs}\s\u3000]{2,12}[\s\u3000]*摄[）)]。?$")]
    private static partial Regex PhotoCredit();
}
