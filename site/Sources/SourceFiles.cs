using System.Text;
using ReportArchive.Build;

namespace ReportArchive.Sources;

/// <summary>The one door through which the build reads a file of <c>input/</c> or <c>theme/</c>: it resolves the file's real path
/// (every symbolic link on the way followed), refuses anything that is not a regular file inside the root it belongs to, refuses
/// a file larger than its limit before reading it (and never reads past the limit, so a device or a growing file costs nothing),
/// and, for text, refuses invalid UTF-8 and control characters at their line and column and returns the text in NFC.</summary>
public static class SourceFiles
{
    /// <summary>A Markdown or YAML file larger than this is not a report someone wrote.</summary>
    public const long MaxTextBytes = 8L << 20;

    /// <summary>A photo file larger than this is refused before it is read.</summary>
    public const long MaxPhotoBytes = 100L << 20;

    /// <summary>Why <paramref name="path"/> may not be read as a file of <paramref name="root"/>, or null.</summary>
    public static string? Problem(string root, string path, long maxBytes)
    {
        string real;
        try
        {
            real = RealPath(path);
            var realRoot = RealPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!real.StartsWith(realRoot, StringComparison.Ordinal))
            {
                return $"leads outside {Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar))}/ (to {real}): a symbolic link to a file elsewhere is not published";
            }
        }
        catch (IOException e)
        {
            return $"cannot be resolved: {e.Message}";
        }

        var info = new FileInfo(real);
        if (!info.Exists)
        {
            return "does not exist";
        }

        if ((info.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0)
        {
            return "is not a regular file";
        }

        return info.Length > maxBytes ? $"is {info.Length / 1048576.0:0.0} MB, more than the {maxBytes >> 20} MB a file may have here" : null;
    }

    /// <summary>The file's bytes, or null when it may not or cannot be read (for a caller whose file another stage reports on).</summary>
    public static byte[]? TryReadBytes(string root, string path, long maxBytes) =>
        ReadBytes(root, path, maxBytes, problem => Diagnostic.Warning("RA107", path, 1, problem), new List<Diagnostic>());

    /// <summary>The file's bytes, at most <paramref name="maxBytes"/>; null after reporting why it cannot be read.</summary>
    public static byte[]? ReadBytes(string root, string path, long maxBytes, Func<string, Diagnostic> report, ICollection<Diagnostic> diagnostics)
    {
        if (Problem(root, path, maxBytes) is { } problem)
        {
            diagnostics.Add(report(problem));
            return null;
        }

        try
        {
            return ReadAtMost(path, maxBytes) ?? Refused(report($"is more than the {maxBytes >> 20} MB a file may have here"), diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(report($"cannot be read: {e.Message}"));
            return null;
        }
    }

    private static byte[]? Refused(Diagnostic problem, ICollection<Diagnostic> diagnostics)
    {
        diagnostics.Add(problem);
        return null;
    }

    /// <summary>A file's bytes, or null when it has more than <paramref name="maxBytes"/>: never read past the limit, so a device or
    /// a file that grows costs nothing. Throws when it cannot be read.</summary>
    public static byte[]? ReadAtMost(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        // Read at once into an array of the file's size (an archive is tens of thousands of small files: a growing buffer
        // per file was most of what reading one allocated), then on while the file has grown since, never past the limit.
        var size = stream.CanSeek ? (int)Math.Min(stream.Length, maxBytes) : 0;
        var bytes = new byte[size];
        var filled = stream.ReadAtLeast(bytes, size, throwOnEndOfStream: false);
        if (filled < size)
        {
            return bytes[..filled];
        }

        // Most files end there: one byte more is asked for on the stack before a buffer is made for the rest.
        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) == 0)
        {
            return bytes;
        }

        var rest = new MemoryStream();
        var chunk = new byte[81920];
        chunk[0] = probe[0];
        var read = 1;
        do
        {
            if (filled + rest.Length + read > maxBytes)
            {
                return null;
            }

            rest.Write(chunk, 0, read);
        }
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0);

        return [.. bytes, .. rest.ToArray()];
    }

    /// <summary>A text file of <paramref name="root"/>: valid UTF-8 (a byte-order mark is dropped), no control characters but tab and
    /// line ends, normalised to NFC; null after reporting the first problem at its place.</summary>
    public static string? ReadText(string root, string path, string display, ICollection<Diagnostic> diagnostics)
    {
        var bytes = ReadBytes(root, path, MaxTextBytes, problem => Diagnostic.Error("RA107", display, 1, $"this file {problem}"), diagnostics);
        return bytes is null ? null : Decode(bytes, display, diagnostics);
    }

    /// <summary>Decodes and validates text; see <see cref="ReadText"/>.</summary>
    public static string? Decode(byte[] bytes, string display, ICollection<Diagnostic> diagnostics)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var at = start + Math.Max(e.Index, 0);
            var line = bytes.AsSpan(0, at).Count((byte)'\n') + 1;
            var lineStart = bytes.AsSpan(0, at).LastIndexOf((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStart, at - lineStart) + 1;
            var bad = string.Join(" ", (e.BytesUnknown ?? []).Select(b => $"0x{b:X2}"));
            diagnostics.Add(Diagnostic.Error("RA108", display, line,
                $"this file is not valid UTF-8 (the bytes {bad} here): save it as UTF-8", column));
            return null;
        }

        // Most files hold none of the characters to look at closely (a carriage return, a forbidden character): one vectorised
        // search finds that, and only a file that holds one is read character by character for its place.
        var lineNumber = 1;
        var lineBegin = 0;
        for (var i = text.AsSpan().IndexOfAny(Suspect) < 0 ? text.Length : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineNumber++;
                lineBegin = i + 1;
            }
            else if (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
            {
                // CRLF is a line end; a carriage return alone is read as one by some tools and not by others, so lines would not agree.
                diagnostics.Add(Diagnostic.Error("RA109", display, lineNumber,
                    "a carriage return (U+000D) stands alone here: save the file with LF or CRLF line ends", i - lineBegin + 1));
                return null;
            }
            else if (IsForbidden(c))
            {
                diagnostics.Add(Diagnostic.Error("RA109", display, lineNumber,
                    $"a control character U+{(int)c:X4} is in the text here: remove it (only tabs and line ends may stand in text)", i - lineBegin + 1));
                return null;
            }
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    /// <summary>The characters <see cref="Decode"/> looks at closely: a carriage return and every <see cref="IsForbidden"/> one.</summary>
    private static readonly System.Buffers.SearchValues<char> Suspect = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c == '\r' || IsForbidden(c))]);

    /// <summary>A character a text file may not hold: a control character other than tab and line ends, or a noncharacter.</summary>
    public static bool IsForbidden(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\u007F' || (c >= '\u0080' && c <= '\u009F') || c is '\uFFFE' or '\uFFFF';

    /// <summary>The path with every symbolic link on it followed, as the operating system would open it.</summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        if (depth > 40)
        {
            throw new IOException($"too many symbolic links at {path}");
        }

        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                next = RealPath(Path.GetFullPath(target, current), depth + 1);
            }

            current = next;
        }

        return current;
    }
}
