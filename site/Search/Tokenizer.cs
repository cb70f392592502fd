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
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var current = new StringBuilder();
        var kind = TokenKind.Word;
        var start = 0;
        var skipping = false;
        var i = 0;

        void Flush(int end)
        {
            if (current.Length > 0)
            {
                tokens.Add(new Token(kind, current.ToString(), start, end));
                current.Clear();
            }
        }

        void Take(Rune folded)
        {
            var cls = Classify(folded);
            if (skipping && cls == Class.Word)
            {
                return;
            }

            skipping = false;
            if (cls == Class.Apostrophe && current.Length > 0 && kind == TokenKind.Word)
            {
                Flush(i);
                skipping = true;
                return;
            }

            if (cls is Class.Separator or Class.Apostrophe)
            {
                Flush(i);
                return;
            }

            var tokenKind = cls == Class.Han ? TokenKind.Han : TokenKind.Word;
            if (current.Length > 0 && tokenKind != kind)
            {
                Flush(i);
            }

            if (current.Length == 0)
            {
                kind = tokenKind;
                start = i;
            }

            if (folded.IsBmp)
            {
                current.Append((char)folded.Value);
            }
            else
            {
                current.Append(folded.ToString());
            }
        }

        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            if (IsIdentity(rune))
            {
                Take(rune.Value is >= 'A' and <= 'Z' ? new Rune(rune.Value + 32) : rune);
            }
            else
            {
                foreach (var folded in FoldSlow(rune).EnumerateRunes())
                {
                    Take(folded);
                }
            }

            i += consumed;
        }

        Flush(text.Length);
        return tokens;
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
