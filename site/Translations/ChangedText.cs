using System.Text;

namespace ReportArchive.Translations;

/// <summary>How the blocks of a part of the original line up with the blocks it had when its translation was stamped: for
/// each block now, the block it was (null: a new block), and the old blocks that are gone.</summary>
public sealed record BlockAlignment(int?[] Was, IReadOnlyList<int> Removed);

/// <summary>What changed in the original since a translation was stamped against it, as a translator reads it: blocks matched
/// to the blocks they were (unchanged ones exactly, edited ones by place between unchanged ones), and within an edited block
/// only the sentences that changed, the old beside the new.</summary>
public static class ChangedText
{
    /// <summary>Beyond this many pairs of blocks (or sentences), they are compared place by place.</summary>
    private const long MostCompared = 1 << 20;

    /// <summary>Lines up <paramref name="now"/> with <paramref name="old"/>: the longest run of unchanged blocks kept in order, and
    /// between two of them the blocks paired by place; blocks left over are new (now) or removed (old).</summary>
    public static BlockAlignment Align(IReadOnlyList<string> old, IReadOnlyList<string> now)
    {
        var was = new int?[now.Count];
        var removed = new List<int>();
        var (o, n) = (0, 0);
        foreach (var (oi, ni) in Common(old, now).Append((old.Count, now.Count)))
        {
            for (var k = 0; n + k < ni; k++)
            {
                was[n + k] = o + k < oi ? o + k : null;
            }

            removed.AddRange(Enumerable.Range(o + (ni - n), Math.Max(0, oi - o - (ni - n))));
            if (ni < now.Count)
            {
                was[ni] = oi;
            }

            (o, n) = (oi + 1, ni + 1);
        }

        return new BlockAlignment(was, removed);
    }

    /// <summary>The changed sentences of a block, for a slot comment: <c>was:</c> the old ones, <c>now:</c> the new ones (only
    /// one of them when sentences were only added or only removed).</summary>
    public static string Difference(string old, string now)
    {
        var (a, b) = (Sentences(old), Sentences(now));
        var common = Common(a, b).ToList();
        var gone = a.Where((_, i) => !common.Any(c => c.Old == i)).ToList();
        var added = b.Where((_, i) => !common.Any(c => c.Now == i)).ToList();
        var text = new StringBuilder();
        if (gone.Count > 0)
        {
            text.Append(added.Count > 0 ? "was: " : "removed: ").Append(Joined(gone));
        }

        if (added.Count > 0)
        {
            text.Append(gone.Count > 0 ? "\nnow: " : "added: ").Append(Joined(added));
        }

        return text.Length > 0 ? text.ToString() : "now: " + now;
    }

    /// <summary>Sentences on one line: a space between two only where the first ends as Latin text does.</summary>
    private static string Joined(List<string> sentences)
    {
        var text = new StringBuilder();
        foreach (var sentence in sentences.Select(s => s.Trim().ReplaceLineEndings(" ")).Where(s => s.Length > 0))
        {
            text.Append(text.Length > 0 && text[^1] < '\u2000' ? " " : "").Append(sentence);
        }

        return text.ToString();
    }

    /// <summary>A text's sentences, each with its closing punctuation, quotation marks and the space after it: Chinese sentences
    /// end at 。！？ (and ；), others at . ! ? followed by a space.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = text[i] is '。' or '！' or '？' or '；' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end)
            {
                continue;
            }

            while (i + 1 < text.Length && (text[i + 1] is '”' or '’' or '」' or '』' or '）' or ')' or '"' or '\'' or '。' or '！' or '？' || char.IsWhiteSpace(text[i + 1])))
            {
                i++;
            }

            sentences.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            sentences.Add(text[start..]);
        }

        return sentences;
    }

    /// <summary>The longest common subsequence of two lists of strings, as pairs of places in order.</summary>
    private static IEnumerable<(int Old, int Now)> Common(IReadOnlyList<string> old, IReadOnlyList<string> now)
    {
        // Parts have tens of blocks and blocks tens of sentences: the quadratic table is small. Past a bound (a hostile file's
        // thousands of blocks), places are compared one for one.
        if ((long)old.Count * now.Count > MostCompared)
        {
            return Enumerable.Range(0, Math.Min(old.Count, now.Count)).Where(i => Same(old[i], now[i])).Select(i => (i, i));
        }

        var length = new int[old.Count + 1, now.Count + 1];
        for (var i = old.Count - 1; i >= 0; i--)
        {
            for (var j = now.Count - 1; j >= 0; j--)
            {
                length[i, j] = Same(old[i], now[j]) ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        for (var (i, j) = (0, 0); i < old.Count && j < now.Count;)
        {
            if (Same(old[i], now[j]))
            {
                pairs.Add((i++, j++));
            }
            else if (length[i + 1, j] >= length[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return pairs;
    }

    /// <summary>Whether two blocks (or sentences) are the same text, whitespace at their ends aside.</summary>
    public static bool Same(string a, string b) => a.AsSpan().Trim().SequenceEqual(b.AsSpan().Trim());
}
