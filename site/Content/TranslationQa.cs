using System.Globalization;
using ReportArchive.Build;
using ReportArchive.Configuration;

namespace ReportArchive.Content;

/// <summary>A translator's quality checks, text by text (a head field, a heading, a paragraph, a caption beside the original's):
/// numbers of the original missing from the translation (RA190), Chinese characters left in a translation written in words
/// (RA191), quotation marks or brackets left open or closed twice (RA192), a term of the termbase not translated as it says
/// (RA193), and a variant the termbase forbids (RA194). Warnings: a translator may know better, and says so by editing.</summary>
public static class TranslationQa
{
    /// <summary>A text of the translation beside the original's text it translates, and the line it starts on.</summary>
    private readonly record struct Pair(string Source, string Target, int Line);

    public static void Check(Translation original, Translation translation, Language language, Termbase terms, ICollection<Diagnostic> diagnostics)
    {
        var file = new FileLines(translation.File);
        foreach (var pair in Pairs(original, translation))
        {
            Numbers(pair, language, translation.File, diagnostics);
            Terms(pair, language, terms, file, diagnostics);
            if (language.ReadingUnit == ReadingUnit.Words)
            {
                Script(pair, file, diagnostics);
            }

            Brackets(pair, file, diagnostics);
        }
    }

    /// <summary>The texts that translate one another: head fields, then each block of the lead and of every section the translation
    /// has (paragraph beside paragraph, caption beside caption, where the two have as many blocks), and section headings.</summary>
    private static IEnumerable<Pair> Pairs(Translation original, Translation translation)
    {
        foreach (var (key, source, target) in new[] { ("kicker", original.Front.Kicker, translation.Front.Kicker), ("title", original.Front.Title, translation.Front.Title),
                     ("subtitle", original.Front.Subtitle, translation.Front.Subtitle), ("byline", original.Front.Byline, translation.Front.Byline) })
        {
            if (!string.IsNullOrEmpty(source) && !string.IsNullOrEmpty(target))
            {
                yield return new Pair(source, target, translation.Front.LineOf(key));
            }
        }

        foreach (var pair in Blocks(original.Lead, translation.Lead))
        {
            yield return pair;
        }

        foreach (var section in original.Sections)
        {
            if (translation.Section(section.Id) is not { } translated)
            {
                continue;
            }

            yield return new Pair(section.Heading, translated.Heading, translated.Line);
            foreach (var pair in Blocks(section.Blocks, translated.Blocks))
            {
                yield return pair;
            }
        }
    }

    private static IEnumerable<Pair> Blocks(IReadOnlyList<Block> original, IReadOnlyList<Block> translated)
    {
        if (original.Count != translated.Count)
        {
            yield break; // paired as a whole (RA163): no text stands beside its own
        }

        for (var i = 0; i < original.Count; i++)
        {
            switch (original[i], translated[i])
            {
                case (Paragraph source, Paragraph target):
                    yield return new Pair(source.Text, target.Text, target.Line);
                    break;
                case (Figure source, Figure target) when source.Caption.Length > 0 && target.Caption.Length > 0:
                    yield return new Pair(source.Caption, target.Caption, target.Line);
                    break;
            }
        }
    }

    /// <summary>Every number the original states must be in the translation, as a value (9600元 is 9,600 yuan, 6.6亿 660 million);
    /// a month may be named (5月 is May).</summary>
    private static void Numbers(Pair pair, Language language, string file, ICollection<Diagnostic> diagnostics)
    {
        var stated = TextNumbers.Chinese(pair.Source);
        if (stated.Count == 0)
        {
            return;
        }

        // Digits first; the words (three, first, May) are read only when a number is not found among them.
        var words = language.ReadingUnit == ReadingUnit.Words;
        var (values, months) = words ? TextNumbers.Digits(pair.Target) : (TextNumbers.Chinese(pair.Target).Select(n => n.Value).ToList(), []);
        bool Found(StatedNumber n) => TextNumbers.Among(n.Value, values) || (n.Month && months.Contains((int)n.Value)) || n.Also.Any(a => TextNumbers.Among(a, values));
        if (stated.All(Found))
        {
            return;
        }

        if (words)
        {
            (values, months) = TextNumbers.Words(pair.Target);
            if (stated.All(Found))
            {
                return;
            }
        }

        var missing = stated.Where(n => !Found(n)).Select(n => n.Written).Distinct().ToList();

        var extra = values.Where(v => !stated.Any(n => TextNumbers.Among(v, [n.Value, .. n.Also]))).Select(v => v.ToString("#,0.##", CultureInfo.InvariantCulture)).Distinct().ToList();
        diagnostics.Add(Diagnostic.Warning("RA190", file, pair.Line,
            $"the original states {string.Join(", ", missing.Select(m => $"'{m}'"))}, which the translation does not" +
            (extra.Count > 0 ? $" (it states {string.Join(", ", extra)})" : "") + ": check the figure"));
    }

    /// <summary>A term of the termbase in the original must be in the translation as the termbase gives it; a forbidden variant is
    /// never used.</summary>
    private static void Terms(Pair pair, Language language, Termbase terms, FileLines file, ICollection<Diagnostic> diagnostics)
    {
        foreach (var term in terms.In(pair.Source))
        {
            if (term.Targets.TryGetValue(language.Key, out var target) && !Holds(pair.Target, target))
            {
                diagnostics.Add(Diagnostic.Warning("RA193", file.Path, pair.Line,
                    $"the original has '{term.Source}', which the termbase ({Termbase.FileName}, line {term.Line}) translates '{target}': this translation does not say it"));
            }
        }

        foreach (var term in terms.Terms)
        {
            foreach (var variant in term.Forbidden.GetValueOrDefault(language.Key, []).Where(v => pair.Target.Contains(v, StringComparison.Ordinal)))
            {
                var (line, column) = file.Find(pair.Line, variant);
                diagnostics.Add(Diagnostic.Warning("RA194", file.Path, line,
                    $"'{variant}' is a variant the termbase forbids ({Termbase.FileName}, line {term.Line}): write '{term.Targets.GetValueOrDefault(language.Key, term.Source)}'", column));
            }
        }
    }

    /// <summary>Whether a text says a term's translation, in any case (a heading capitalises every word; a name spelt in two cases
    /// is RA195's).</summary>
    private static bool Holds(string text, string target) => text.Contains(target, StringComparison.OrdinalIgnoreCase);

    /// <summary>Chinese characters left in a translation written in words: text copied from the original and not translated.</summary>
    private static void Script(Pair pair, FileLines file, ICollection<Diagnostic> diagnostics)
    {
        var at = pair.Target.AsSpan().IndexOfAnyInRange('\u4E00', '\u9FFF');
        if (at < 0)
        {
            at = pair.Target.AsSpan().IndexOfAnyInRange('\u3400', '\u4DBF');
        }

        if (at < 0)
        {
            return;
        }

        var end = at;
        while (end < pair.Target.Length && (pair.Target[end] is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF'))
        {
            end++;
        }

        var han = pair.Target[at..end];
        var (line, column) = file.Find(pair.Line, han);
        diagnostics.Add(Diagnostic.Warning("RA191", file.Path, line, $"Chinese characters in the translation ('{han}'): translate them, or write the name in its romanised form", column));
    }

    /// <summary>Curly quotation marks and brackets must open before they close and close before the text ends.</summary>
    private static void Brackets(Pair pair, FileLines file, ICollection<Diagnostic> diagnostics)
    {
        if (Unbalanced(pair.Target) is not { } problem)
        {
            return;
        }

        var (line, column) = file.Find(pair.Line, pair.Target.Substring(problem.At, Math.Min(12, pair.Target.Length - problem.At)));
        diagnostics.Add(Diagnostic.Warning("RA192", file.Path, line, problem.Why, column));
    }

    private const string Openers = "“‘(（「『《〈[【";
    private const string Closers = "”’)）」』》〉]】";
    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create(Openers + Closers);

    /// <summary>The first mark that closes what is not open, or else the first left open; null when all match. A ’ that closes
    /// nothing is an apostrophe (the district’s), not a quotation mark.</summary>
    private static (int At, string Why)? Unbalanced(string text)
    {
        var open = new Stack<int>();
        for (var i = text.AsSpan().IndexOfAny(Marks); i >= 0 && i < text.Length; i = text.AsSpan(i + 1).IndexOfAny(Marks) is var next and >= 0 ? i + 1 + next : -1)
        {
            if (Openers.Contains(text[i]))
            {
                open.Push(i);
            }
            else if (Closers.IndexOf(text[i]) is var kind and >= 0)
            {
                if (open.Count > 0 && Openers.IndexOf(text[open.Peek()]) == kind)
                {
                    open.Pop();
                }
                else if (text[i] != '’')
                {
                    return (i, $"'{text[i]}' closes what was not opened here: a quotation mark or bracket is missing or mistyped");
                }
            }
        }

        // An opening mark left without its close; a ‘ may be an apostrophe before a year ('23) only when straight, so it counts.
        return open.Count > 0 ? (open.Last(), $"'{text[open.Last()]}' is opened and never closed in this text") : null;
    }

    /// <summary>A translation file's lines, read when a warning needs a column: the place of a text at or after a line.</summary>
    private sealed class FileLines(string path)
    {
        private string[]? _lines;

        public string Path { get; } = path;

        public (int Line, int Column) Find(int from, string text)
        {
            try
            {
                _lines ??= File.ReadAllLines(Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _lines = [];
            }

            for (var line = Math.Max(from, 1); line <= _lines.Length && line < from + 200; line++)
            {
                if (_lines[line - 1].IndexOf(text, StringComparison.Ordinal) is var at and >= 0)
                {
                    return (line, at + 1);
                }
            }

            return (from, 1);
        }
    }
}
