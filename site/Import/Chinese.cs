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
}
