namespace ReportArchive.Import;

/// <summary>Character classes of Chinese text.</summary>
public static class Chinese
{
    /// <summary>A Han character (the CJK unified ideographs and their extensions, and the compatibility block).</summary>
    public static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' || char.IsSurrogate(c);

    /// <summary>Chinese quotation marks, which make the ASCII punctuation beside them Chinese too.</summary>
    public static bool IsQuote(char c) => c is '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or '《' or '》';

    public static bool IsChineseContext(char c) => IsHan(c) || IsQuote(c) || c is '。' or '，' or '、' or '）' or '（';

    /// <summary>Kana (hiragana, katakana, their half-width forms) and Hangul: the scripts that show CJK text to be Japanese or Korean.</summary>
    public static bool IsKanaOrHangul(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F' or >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF';

    /// <summary>The share of kana and Hangul among a text's CJK characters above which it is not Chinese: Chinese prints a kana
    /// only in a quoted Japanese name (の in a brand), while Japanese is a third kana or more even in a dense news story.</summary>
    public const double ForeignShare = 0.05;

    /// <summary>Throws when the text is Japanese or Korean, at the line of its first kana or Hangul.</summary>
    public static void RequireChinese(string text)
    {
        var (han, foreign, first) = (0, 0, -1);
        for (var i = 0; i < text.Length; i++)
        {
            if (IsHan(text[i]))
            {
                han++;
            }
            else if (IsKanaOrHangul(text[i]))
            {
                foreign++;
                first = first < 0 ? i : first;
            }
        }

        if (foreign >= 10 && foreign > (han + foreign) * ForeignShare)
        {
            var line = text.AsSpan(0, first).Count('\n') + 1;
            throw new ImportException($"the text is not Chinese: {100.0 * foreign / (han + foreign):0} % of its CJK characters are kana or Hangul (Japanese or Korean, from this line on); import only Chinese pages", line, "RA306");
        }
    }
}
