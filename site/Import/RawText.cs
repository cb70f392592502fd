using System.Text;
using UtfUnknown;

namespace ReportArchive.Import;

/// <summary>Decodes the bytes of text extracted from an e-paper page: the encoding given with <c>--encoding</c>; else the one its
/// byte-order mark names; else UTF-8 when the bytes are valid UTF-8; else what a statistical detector (uchardet's port) finds with
/// confidence among the encodings Chinese papers use (GB18030 and its subsets GBK and GB2312, Big5, UTF-16). When it is unsure, the
/// import stops and names the candidates rather than writing mojibake. Traditional characters are kept as they are written.</summary>
public static class RawText
{
    /// <summary>How sure the detector must be before its answer is taken.</summary>
    public const float Confidence = 0.6f;

    static RawText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The most a page's text may weigh: many times a newspaper page (tens of kilobytes), and what a report's file may weigh.</summary>
    public const long MaxPageBytes = Sources.SourceFiles.MaxTextBytes;

    /// <summary>A page's bytes, refused above <see cref="MaxPageBytes"/> before it is read (and never read past it: a device or a
    /// file that grows costs nothing).</summary>
    public static byte[] Read(FileInfo file)
    {
        if (file.Length > MaxPageBytes)
        {
            throw new ImportException($"the file is {file.Length / 1048576.0:0.0} MB, more than the {MaxPageBytes >> 20} MB a page's text may have: import its pages one file each", code: "RA305");
        }

        return Sources.SourceFiles.ReadAtMost(file.FullName, MaxPageBytes)
            ?? throw new ImportException($"the file is more than the {MaxPageBytes >> 20} MB a page's text may have: import its pages one file each", code: "RA305");
    }

    /// <summary>The text (line ends made '\n', no byte-order mark) and the name of the encoding it was read in.</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes, string? encodingName = null)
    {
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            throw new ImportException("the file is empty: there is no text to import", code: "RA301");
        }

        if (Image(bytes) is { } kind)
        {
            throw new ImportException($"the file is {kind}, not text: import the text extracted from the page", code: "RA303");
        }

        var (text, name) = encodingName is not null ? (Strict(bytes, Named(encodingName), encodingName), encodingName.ToLowerInvariant())
            : Bom(bytes) is { } bom ? (Strict(bytes, bom.Encoding, bom.Name), bom.Name)
            : Array.IndexOf(bytes, (byte)0) < 0 && TryStrict(bytes, new UTF8Encoding(false, true)) is { } utf8 ? (utf8, "utf-8")
            : Detect(bytes);
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Replace('\r', '\n');

        var visible = text.Where(c => !char.IsWhiteSpace(c)).ToList();
        var control = visible.Count(c => char.IsControl(c) && c != '\f');
        var chinese = visible.Count(Chinese.IsHan);
        if (control > visible.Count / 100)
        {
            throw new ImportException($"the file holds {control} control characters: it looks binary, not like extracted text", code: "RA303");
        }

        if (chinese < visible.Count / 4)
        {
            throw new ImportException($"only {chinese} of {visible.Count} characters are Chinese when read as {name}: this does not look like a Chinese report" +
                (encodingName is null ? " (if it is, give its encoding with --encoding)" : ""), code: "RA304");
        }

        return (text, name);
    }

    private static (string Text, string Name) Detect(byte[] bytes)
    {
        var result = CharsetDetector.DetectFromBytes(bytes);
        var candidates = result.Details.Where(d => d.EncodingName is not null).OrderByDescending(d => d.Confidence).ToList();
        var best = candidates.FirstOrDefault();
        if (best is not null && best.Confidence >= Confidence && Supported(best.EncodingName) is { } name)
        {
            return (Strict(bytes, Named(name), name), name);
        }

        if (Array.IndexOf(bytes, (byte)0) is var nul and >= 0 && (best is null || !best.EncodingName.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ImportException($"the file is binary, not text (a zero byte at offset {nul}): export the article as plain text", LineAt(bytes, nul), "RA303");
        }

        var named = candidates.Count == 0 ? "none" : string.Join(", ", candidates.Take(4).Select(c => $"{c.EncodingName} ({c.Confidence:0.00})"));
        throw new ImportException($"the encoding cannot be told with confidence (candidates: {named}): give it with --encoding, e.g. --encoding big5 or --encoding gb18030", code: "RA302");
    }

    /// <summary>The encodings Chinese e-paper text comes in, by the detector's names; GB2312 and GBK are read as GB18030, their superset.</summary>
    private static string? Supported(string detected) => detected.ToLowerInvariant() switch
    {
        "gb18030" or "gb2312" or "gbk" or "x-cp936" or "hz-gb-2312" => "gb18030",
        "big5" or "big5-hkscs" or "x-euc-tw" => "big5",
        "utf-16le" or "utf-16be" or "utf-8" or "ascii" => detected.ToLowerInvariant() == "ascii" ? "utf-8" : detected.ToLowerInvariant(),
        _ => null,
    };

    private static Encoding Named(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            throw new ImportException($"'{name}' is not an encoding this program knows: use utf-8, utf-16, gb18030 or big5", code: "RA302");
        }
    }

    private static (Encoding Encoding, string Name)? Bom(byte[] bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(true), "utf-8"),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, "utf-16le"),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, "utf-16be"),
        _ => null,
    };

    private static string Strict(byte[] bytes, Encoding encoding, string name)
    {
        var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var start = encoding.GetPreamble() is { Length: > 0 } preamble && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
        try
        {
            return strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(e.Index, 0);
            throw new ImportException($"the file is not valid {name} text (the bytes {string.Join(" ", (e.BytesUnknown ?? []).Select(b => $"0x{b:X2}"))} here): give its real encoding with --encoding",
                LineAt(bytes, at), "RA302");
        }
    }

    private static string? TryStrict(byte[] bytes, Encoding encoding)
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

    private static string? Image(byte[] bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "a PNG image",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "a GIF image",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "a WebP image",
        [(byte)'P', (byte)'K', 3, 4, ..] => "a ZIP archive (a Word or e-book file?)",
        _ => null,
    };

    private static int LineAt(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n');
}
