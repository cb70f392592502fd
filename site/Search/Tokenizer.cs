using System.Collections.Concurrent;
using System.Text;

namespace ReportArchive.Search;

/// <summary>What kind of text a token is: a run of Chinese characters (indexed by character pairs) or a word of another script.</summary>
public enum TokenKind
{
    Word,
    Han,
}

/// <summary>A token: its folded text, and where it stands in the original string (UTF-16 offsets, end exclusive).</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Start, int End);

/// <summary>Splits text into search tokens. Its twin is the query tokenizer in theme/assets/search.js; both are checked against
/// the same vectors (tests/ReportArchive.Tests/Fixtures/search/tokens.tsv), so a rule changed here must change there.</summary>
/// <remarks>Each character is folded on its own: NFKD (full-width forms become half-width, ligatures split), combining marks
/// U+0300–U+036F dropped (so pinyin tone marks and accents fold away), lower-cased. A folded character is Han (the CJK
/// ideograph blocks), a word character (a–z, 0–9, Latin, Greek and Cyrillic letters), an apostrophe, or a separator.
/// Han characters form runs; word characters form words; an apostrophe inside a word ends it and drops the rest of it
/// (<c>Yanzhou's</c> is <c>yanzhou</c>). Everything else, punctuation and emoji included, separates.</remarks>
public static class Tokenizer
{
    /// <summary>Receives each token of a text: its kind, its folded text (valid only during the call), and its place in the text.</summary>
    public delegate void TokenHandler(TokenKind kind, ReadOnlySpan<char> text, int start, int end);

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Scan(text, (kind, folded, start, end) => tokens.Add(new Token(kind, folded.ToString(), start, end)));
        return tokens;
    }

    /// <summary>Hands each token of <paramref name="text"/> to <paramref name="handler"/> without making a string of it: the
    /// index reads millions of tokens, and looks their text up as a span.</summary>
    public static void Scan(string text, TokenHandler handler)
    {
        // A token's characters gather in a buffer kept by the thread from one scan to the next (a scan a field, millions of them).
        var scanner = new Scanner(_spare ?? new char[256]);
        _spare = null;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                var lower = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                scanner.Take(lower, Classify(lower), i, handler);
                i++;
                continue;
            }

            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsIdentity(rune))
            {
                scanner.Take(rune, i, handler);
            }
            else
            {
                foreach (var folded in FoldSlow(rune).EnumerateRunes())
                {
                    scanner.Take(folded, i, handler);
                }
            }

            i += consumed;
        }

        scanner.Flush(text.Length, handler);
        _spare = scanner.Buffer;
    }

    [ThreadStatic]
    private static char[]? _spare;

    /// <summary>The state of a scan: the token being gathered, its kind and start, and whether the rest of a word is skipped.</summary>
    private struct Scanner(char[] buffer)
    {
        private char[] _buffer = buffer;
        private int _length;
        private TokenKind _kind;
        private int _start;
        private bool _skipping;

        public void Take(Rune folded, int at, TokenHandler handler)
        {
            if (folded.IsBmp)
            {
                Take((char)folded.Value, Classify(folded), at, handler);
                return;
            }

            var cls = Classify(folded);
            Span<char> pair = stackalloc char[2];
            folded.EncodeToUtf16(pair);
            if (Begin(cls, at, handler))
            {
                Append(pair[0]);
                Append(pair[1]);
            }
        }

        public void Take(char folded, Class cls, int at, TokenHandler handler)
        {
            if (Begin(cls, at, handler))
            {
                Append(folded);
            }
        }

        /// <summary>Closes the current token where a character of class <paramref name="cls"/> cannot continue it; true when
        /// the character belongs to a token.</summary>
        private bool Begin(Class cls, int at, TokenHandler handler)
        {
            if (_skipping && cls == Class.Word)
            {
                return false;
            }

            _skipping = false;
            if (cls == Class.Apostrophe && _length > 0 && _kind == TokenKind.Word)
            {
                Flush(at, handler);
                _skipping = true;
                return false;
            }

            if (cls is Class.Separator or Class.Apostrophe)
            {
                Flush(at, handler);
                return false;
            }

            var kind = cls == Class.Han ? TokenKind.Han : TokenKind.Word;
            if (_length > 0 && kind != _kind)
            {
                Flush(at, handler);
            }

            if (_length == 0)
            {
                _kind = kind;
                _start = at;
            }

            return true;
        }

        private void Append(char c)
        {
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            _buffer[_length++] = c;
        }

        public readonly char[] Buffer => _buffer;

        public void Flush(int end, TokenHandler handler)
        {
            if (_length > 0)
            {
                handler(_kind, _buffer.AsSpan(0, _length), _start, end);
                _length = 0;
            }
        }
    }

    /// <summary>The folded form of a whole string, as queries and highlighting compare text.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(IsIdentity(rune) ? rune.ToString().ToLowerInvariant() : FoldSlow(rune));
        }

        return builder.ToString();
    }

    /// <summary>ASCII (only lower-cased) and the main ideograph block fold to themselves: the fast path for nearly all text.</summary>
    private static bool IsIdentity(Rune rune) => rune.Value < 0x80 || rune.Value is >= 0x4E00 and <= 0x9FFF;

    private static readonly ConcurrentDictionary<int, string> Folded = new();

    private static string FoldSlow(Rune rune) => Folded.GetOrAdd(rune.Value, static value =>
    {
        var builder = new StringBuilder();
        foreach (var r in new Rune(value).ToString().Normalize(NormalizationForm.FormKD).EnumerateRunes())
        {
            if (r.Value is < 0x300 or > 0x36F)
            {
                builder.Append(Rune.ToLowerInvariant(r).ToString());
            }
        }

        return builder.ToString();
    });

    public static bool IsHan(Rune rune) => Classify(rune) == Class.Han;

    private enum Class
    {
        Separator,
        Word,
        Han,
        Apostrophe,
    }

    private static Class Classify(char c) => Classify(new Rune(c));

    private static Class Classify(Rune r) => r.Value switch
    {
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x2FA1F) or 0x3007 => Class.Han,
        (>= 'a' and <= 'z') or (>= '0' and <= '9') => Class.Word,
        (>= 0xC0 and <= 0x24F) and not (0xD7 or 0xF7) => Class.Word,
        (>= 0x370 and <= 0x3FF) or (>= 0x400 and <= 0x4FF) => Class.Word,
        '\'' or 0x2019 => Class.Apostrophe,
        _ => Class.Separator,
    };
}
