using System.Text.RegularExpressions;

namespace ReportArchive.Import;

/// <summary>Tells headings, bylines, captions and paragraphs apart in text extracted from a newspaper page.</summary>
public static partial class BlockClassifier
{
    private const string SentenceEnds = "。！？";
    private const string InnerPunctuation = "，。！？；：,.!?;:";

    /// <summary>Splits the text into non-empty lines, counting the blank lines around each.</summary>
    public static List<RawBlock> Split(string text)
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

            blocks.Add(new RawBlock(line, i + 1, blocks.Count == 0 ? 0 : gap, 0));
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

        if (IsHeading(text))
        {
            return RawKind.Heading;
        }

        return IsCaption(block) ? RawKind.Caption : RawKind.Paragraph;
    }

    /// <summary>A heading is a short line of Chinese with no sentence punctuation (often two phrases side by side).</summary>
    public static bool IsHeading(string text) =>
        text.Length is >= 4 and <= 32 && text.Any(Chinese.IsHan) && !text.Any(c => InnerPunctuation.Contains(c)) && !text.EndsWith('摄');

    /// <summary>A caption is one short sentence set apart from the text above it by a wide gap, or credited to a photographer.</summary>
    public static bool IsCaption(RawBlock block)
    {
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

    [GeneratedRegex(@"^(本报)?(特约)?(记者|通讯员|实习生|见习记者)[\s\u3000]*[\p{IsCJKUnifiedIdeographs}·、\s\u3000]{2,30}$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"[（(](本报)?(记者|通讯员)?[\s\u3000]*[\p{IsCJKUnifiedIdeographs}\s\u3000]{2,12}[\s\u3000]*摄[）)]。?$")]
    private static partial Regex PhotoCredit();
}
