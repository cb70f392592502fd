using System.Text;
using ReportArchive.Content;
using ReportArchive.Translations;

namespace ReportArchive.Benchmarks;

/// <summary>The shapes of generated archive the benchmarks build.</summary>
public enum CorpusShape
{
    /// <summary>Three to five of the seed's sections per report, each with a random two thirds of its paragraphs (about 12 KB of text).</summary>
    Sampled,

    /// <summary>Five sections of four paragraphs each, in both languages (about 27 KB of text a report).</summary>
    Full,

    /// <summary>Five sections of four short paragraphs each (two or three sentences, recombined from the seed's sentences), and
    /// English whose words are a third of them drawn from a vocabulary of 30,000 made-up words in a Zipf distribution, so that
    /// the archive has the many short records and the many distinct terms of real reports (about 9 KB of text a report).</summary>
    Short,
}

/// <summary>A deterministic archive of N bilingual reports made from the seed report's paragraphs and their translations, so that
/// reports differ as real ones do; with departments, topics and dates spread over ten years. See <see cref="CorpusShape"/>.</summary>
public static class Corpus
{
    public static void Write(string input, int count, string repository = ".", CorpusShape shape = CorpusShape.Sampled)
    {
        // The frozen seed of the tests, not the live input/: a benchmark's corpus must not change with the archive's content.
        var seedSite = Path.Combine(repository, "tests", "ReportArchive.Tests", "Fixtures", "seed");
        var seed = ReportLoader.Load(Path.Combine(seedSite, "reports", "2023", "yanzhou-party-building"), ReportArchive.Configuration.LanguageSet.Default, new List<Build.Diagnostic>())
            ?? throw new InvalidOperationException($"run from the repository root: {seedSite} is needed");
        Directory.CreateDirectory(input);
        File.Copy(Path.Combine(seedSite, "site.yml"), Path.Combine(input, "site.yml"), overwrite: true);
        File.Copy(Path.Combine(seedSite, "taxonomy.yml"), Path.Combine(input, "taxonomy.yml"), overwrite: true);
        var departments = seed.Departments.ToArray();
        var topics = seed.Topics.ToArray();
        var pairs = seed.Original.Sections.Select(s => (Zh: s, En: seed.FileIn("en")!.Section(s.Id)!)).ToArray();
        _zhSentences = [.. seed.Original.Sections.SelectMany(s => s.Paragraphs).SelectMany(p => Sentences(p.Text, "。！？"))];
        _enSentences = [.. seed.FileIn("en")!.Sections.SelectMany(s => s.Paragraphs).SelectMany(p => Sentences(p.Text, ".!?"))];
        for (var i = 0; i < count; i++)
        {
            var random = new Random(i);
            var date = new DateOnly(2016, 1, 1).AddDays(random.Next(3650));
            var slug = $"report-{i:D5}";
            var bundle = Path.Combine(input, "reports", date.Year.ToString("D4"), slug);
            Directory.CreateDirectory(bundle);
            var order = shape != CorpusShape.Sampled ? pairs.OrderBy(_ => random.Next()).ToArray() : pairs.OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToArray();
            var zh = new StringBuilder();
            zh.Append($"---\ntitle: \"{seed.Original.Title}（{i}）\"\nsubtitle: \"{seed.Original.Front.Subtitle}\"\ndate: {date:yyyy-MM-dd}\nbyline: \"{seed.Original.Front.Byline}\"\n");
            zh.Append($"departments: [{departments[i % departments.Length]}, {departments[(i + 2) % departments.Length]}]\n");
            zh.Append($"topics: [{topics[i % topics.Length]}]\nslug: {slug}\n---\n\n");
            var en = new StringBuilder();
            foreach (var p in seed.Original.Lead.OfType<Paragraph>())
            {
                zh.Append(p.Text).Append("\n\n");
            }

            var bodyEn = new StringBuilder();
            foreach (var p in seed.FileIn("en")!.Lead.OfType<Paragraph>())
            {
                bodyEn.Append(p.Text).Append("\n\n");
            }

            foreach (var (z, e) in order)
            {
                zh.Append($"## {z.Heading} {{#{z.Id}}}\n\n");
                bodyEn.Append($"## {e.Heading} {{#{e.Id}}}\n\n");
                if (shape == CorpusShape.Short)
                {
                    ShortParagraphs(random, zh, bodyEn);
                    continue;
                }

                var (zhParagraphs, enParagraphs) = (z.Paragraphs.ToArray(), e.Paragraphs.ToArray());
                // The full shape takes four paragraphs a section, again from the start when a section has fewer.
                var kept = shape == CorpusShape.Full
                    ? Enumerable.Range(random.Next(zhParagraphs.Length), 4).Select(k => k % Math.Min(zhParagraphs.Length, enParagraphs.Length)).ToArray()
                    : Enumerable.Range(0, zhParagraphs.Length).Where(_ => random.Next(3) > 0).DefaultIfEmpty(0).ToArray();
                foreach (var k in kept)
                {
                    zh.Append(zhParagraphs[k].Text).Append("\n\n");
                    if (k < enParagraphs.Length)
                    {
                        bodyEn.Append(enParagraphs[k].Text).Append("\n\n");
                    }
                }
            }

            File.WriteAllText(Path.Combine(bundle, "index.zh.md"), zh.ToString());
            var original = ReportLoader.Load(bundle, ReportArchive.Configuration.LanguageSet.Default, new List<Build.Diagnostic>())!;
            en.Append($"---\ntitle: \"{seed.FileIn("en")!.Title} ({i})\"\nsubtitle: \"{seed.FileIn("en")!.Front.Subtitle}\"\nbyline: \"{seed.FileIn("en")!.Front.Byline}\"\ntranslation_of:\n");
            foreach (var (key, hash) in TranslationHashes.Of(original.Original))
            {
                en.Append($"  {key}: {hash}\n");
            }

            en.Append("---\n\n").Append(bodyEn);
            File.WriteAllText(Path.Combine(bundle, "index.en.md"), en.ToString());
        }
    }

    private static string[] _zhSentences = [];
    private static string[] _enSentences = [];

    /// <summary>Made-up words (consonant-vowel syllables), the most common first.</summary>
    private static readonly string[] Vocabulary = [.. Enumerable.Range(0, 30_000).Select(Word)];

    private static string Word(int n)
    {
        const string consonants = "bcdfghklmnprstvwz", vowels = "aeiou";
        var word = new StringBuilder();
        for (var k = n + 17; word.Length < 4 || k > 0; k /= 85)
        {
            word.Append(consonants[k % 17]).Append(vowels[k / 17 % 5]);
        }

        return word.ToString();
    }

    private static IEnumerable<string> Sentences(string text, string ends)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (ends.Contains(text[i]) && (i + 1 == text.Length || text[i + 1] == ' ' || !char.IsAscii(text[i])))
            {
                yield return text[start..(i + 1)].Trim();
                start = i + 1;
            }
        }

        if (text[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    /// <summary>Four paragraphs of two or three sentences in each language; in English, a third of the words made up (Zipf).</summary>
    private static void ShortParagraphs(Random random, StringBuilder zh, StringBuilder en)
    {
        for (var p = 0; p < 4; p++)
        {
            var sentences = 2 + random.Next(2);
            for (var k = 0; k < sentences; k++)
            {
                zh.Append(_zhSentences[random.Next(_zhSentences.Length)]);
            }

            for (var k = 0; k < sentences; k++)
            {
                var words = _enSentences[random.Next(_enSentences.Length)].Split(' ');
                for (var w = 0; w < words.Length; w++)
                {
                    if (random.Next(3) == 0 && words[w].All(char.IsAsciiLetterLower))
                    {
                        // Zipf: the rank falls off as 1/x.
                        words[w] = Vocabulary[(int)Math.Min(Vocabulary.Length - 1, Math.Exp(random.NextDouble() * Math.Log(Vocabulary.Length)) - 1)];
                    }
                }

                en.Append(k > 0 ? " " : "").Append(string.Join(' ', words));
            }

            zh.Append("\n\n");
            en.Append("\n\n");
        }
    }
}
