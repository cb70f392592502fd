using ReportArchive.Build;
using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Translations;

/// <summary>A pair of the memory: an original paragraph (as Markdown, and as the text a reader sees) and its translation, and where
/// it comes from (the translation file and the unit, or a TMX file).</summary>
public sealed record MemoryPair(string SourceMarkdown, string Source, string TargetMarkdown, string Target, string Origin);

/// <summary>A memory match: the pair and how like the text looked up its source is, from 0 to 100.</summary>
public sealed record MemoryMatch(MemoryPair Pair, double Similarity)
{
    public bool Exact => Similarity >= 100;
}

/// <summary>The archive as translation memory: every paragraph, heading and caption of every part stamped current, beside its
/// translation (what the archive has already said), and the pairs of the TMX files kept in <c>input/memory/</c>. Looked up for
/// a text: the exact match (the same source, markup and all), else fuzzy matches of 75 % and more (by edit distance over the
/// characters, the candidates first narrowed to those sharing enough pairs of characters).</summary>
public sealed class TranslationMemory
{
    public const double Threshold = 75;

    private readonly List<MemoryPair> _pairs;
    private readonly Dictionary<int, List<int>> _bigrams = [];

    private TranslationMemory(List<MemoryPair> pairs)
    {
        _pairs = pairs;
        for (var i = 0; i < pairs.Count; i++)
        {
            foreach (var bigram in Bigrams(pairs[i].Source).Distinct())
            {
                if (!_bigrams.TryGetValue(bigram, out var list))
                {
                    _bigrams[bigram] = list = [];
                }

                list.Add(i);
            }
        }
    }

    public IReadOnlyList<MemoryPair> Pairs => _pairs;

    /// <summary>The memory of the archive under <paramref name="input"/> for one translation language, leaving out the units of
    /// <paramref name="except"/> (the report on the desk: its own text is not a match for itself).</summary>
    public static TranslationMemory Of(string input, LanguageSet languages, Language target, string? except) =>
        Of(input, ReportLoader.FindBundles(input, languages).Where(b => b != except).Select(b => ReportLoader.Load(b, languages, [])).OfType<Report>(), languages, target);

    /// <summary>The memory of reports already read (<c>status</c> has read them all).</summary>
    public static TranslationMemory Of(string input, IEnumerable<Report> reports, LanguageSet languages, Language target)
    {
        var pairs = new List<MemoryPair>();
        foreach (var report in reports)
        {
            if (report.FileIn(target.Key) is { } translation)
            {
                pairs.AddRange(Current(input, report, translation));
            }
        }

        pairs.AddRange(Tmx.Kept(input, languages.Original, target));
        return new TranslationMemory(pairs);
    }

    /// <summary>The pairs of a report's parts that are current: each block beside the block at its place, and each heading.</summary>
    private static IEnumerable<MemoryPair> Current(string input, Report report, Translation translation)
    {
        var coverage = TranslationCoverage.Of(report.Original, translation).Parts.ToDictionary(p => p.Key, p => p.State);
        var origin = Path.GetRelativePath(input, translation.File).Replace('\\', '/');
        if (Sources.SourceFiles.ReadText(input, report.Original.File, report.Original.File, []) is not { } originalText
            || Sources.SourceFiles.ReadText(input, translation.File, translation.File, []) is not { } translatedText)
        {
            yield break;
        }

        var original = TranslationDocument.Parse(originalText, report.Original.Lang);
        var translated = TranslationDocument.Parse(translatedText, report.Original.Lang);
        foreach (var part in original.Parts.Where(p => coverage.GetValueOrDefault(p.Key) == PartState.Current))
        {
            if (translated.Part(part.Key) is not { } other || other.Slots.Count != part.Slots.Count)
            {
                continue;
            }

            if (!part.IsHead)
            {
                yield return new MemoryPair(part.HeadingText, part.HeadingText, other.HeadingText, other.HeadingText, $"{origin}#{part.Key}.heading");
            }

            foreach (var (field, source, target) in part.IsHead ? Fields(report.Original, translation) : [])
            {
                yield return new MemoryPair(source, source, target, target, $"{origin}#head.{field}");
            }

            for (var i = 0; i < part.Slots.Count; i++)
            {
                if (part.Slots[i].Text is { } source && other.Slots[i].Text is { } target)
                {
                    yield return new MemoryPair(source, CodedText.FromMarkdown(source).Plain, target, CodedText.FromMarkdown(target).Plain, $"{origin}#{part.Key}.{i + 1}");
                }
            }
        }
    }

    /// <summary>The head's fields that both the original and the translation have.</summary>
    private static IEnumerable<(string Field, string Source, string Target)> Fields(Translation original, Translation translation) =>
        new[] { ("kicker", original.Front.Kicker, translation.Front.Kicker), ("title", original.Front.Title, translation.Front.Title),
            ("subtitle", original.Front.Subtitle, translation.Front.Subtitle), ("byline", original.Front.Byline, translation.Front.Byline) }
            .Where(f => !string.IsNullOrEmpty(f.Item2) && !string.IsNullOrEmpty(f.Item3)).Select(f => (f.Item1, f.Item2!, f.Item3!));

    /// <summary>The exact match of a source (as Markdown), or the best fuzzy matches, at most <paramref name="most"/>, best first;
    /// pairs whose origin starts with <paramref name="except"/> (a report's own) left out.</summary>
    public List<MemoryMatch> Lookup(string sourceMarkdown, int most = 3, string? except = null)
    {
        bool Other(MemoryPair pair) => except is null || !pair.Origin.StartsWith(except, StringComparison.Ordinal);
        var source = CodedText.FromMarkdown(sourceMarkdown).Plain;
        if (source.Length == 0)
        {
            return [];
        }

        if (_pairs.FirstOrDefault(p => (p.SourceMarkdown == sourceMarkdown || p.Source == sourceMarkdown) && Other(p)) is { } exact)
        {
            return [new MemoryMatch(exact, 100)];
        }

        // Candidates share at least half the pairs of characters a 75 % match would need.
        var bigrams = Bigrams(source).Distinct().ToList();
        var shared = new Dictionary<int, int>();
        foreach (var bigram in bigrams)
        {
            foreach (var i in _bigrams.GetValueOrDefault(bigram) ?? [])
            {
                shared[i] = shared.GetValueOrDefault(i) + 1;
            }
        }

        return [.. shared.Where(s => s.Value >= bigrams.Count * 0.5 && Other(_pairs[s.Key])).OrderByDescending(s => s.Value).Take(50)
            .Select(s => new MemoryMatch(_pairs[s.Key], Similarity(source, _pairs[s.Key].Source)))
            .Where(m => m.Similarity >= Threshold).OrderByDescending(m => m.Similarity).ThenBy(m => m.Pair.Origin, StringComparer.Ordinal).Take(most)];
    }

    /// <summary>100 less the edit distance in characters as a share of the longer text, rounded down to a tenth.</summary>
    public static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 100;
        }

        var longer = Math.Max(a.Length, b.Length);
        if (longer == 0 || Math.Abs(a.Length - b.Length) > longer / 4)
        {
            return 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return Math.Floor(1000.0 * (longer - previous[b.Length]) / longer) / 10;
    }

    private static IEnumerable<int> Bigrams(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            yield return (text[i] << 16) | text[i + 1];
        }
    }
}
