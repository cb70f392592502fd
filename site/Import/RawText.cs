using System.Text;

namespace ReportArchive.Import;

/// <summary>Decodes the bytes of extracted newspaper text: UTF-8 when they are valid UTF-8, GB18030 otherwise; refuses what is not text.</summary>
public static class RawText
{
    static RawText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes)
    {
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new ImportException("the file is empty: there is no text to import");
        }

        if (Array.IndexOf(bytes, (byte)0) is var nul and >= 0)
        {
            throw new ImportException($"the file is binary, not text (a zero byte at offset {nul}): export the article as plain text", LineAt(bytes, nul));
        }

        var text = TryDecode(bytes, new UTF8Encoding(false, throwOnInvalidBytes: true))
            ?? TryDecode(bytes, Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback))
            ?? throw new ImportException("the file is neither UTF-8 nor GB18030 text: save it in one of those encodings");
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');

        var visible = text.Where(c => !char.IsWhiteSpace(c)).ToList();
        var control = visible.Count(char.IsControl);
        var chinese = visible.Count(Chinese.IsHan);
        if (control > visible.Count / 100)
        {
            throw new ImportException($"the file holds {control} control characters: it looks binary, not like extracted text");
        }

        if (chinese < visible.Count / 4)
        {
            throw new ImportException($"only {chinese} of {visible.Count} characters are Chinese: this does not look like a Chinese report");
        }

        return text;
    }

    private static string? TryDecode(byte[] bytes, Encoding encoding)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int LineAt(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
}
