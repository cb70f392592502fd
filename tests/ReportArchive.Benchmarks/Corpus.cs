using System.Text;
using ReportArchive.Content;
using ReportArchive.Translations;

namespace ReportArchive.Benchmarks;

/// <summary>The two shapes of generated archive the benchmarks build.</summary>
public enum CorpusShape
{
    /// <summary>Three to five of the seed's sections per report, each with a random two thirds of its paragraphs (about 12 KB of text).</summary>
    Sampled,

    /// <summary>Five sections of four paragraphs each, in both languages (about 27 KB of text a report).</summary>
    Full,
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
        for (var i = 0; i < count; i++)
        {
            var random = new Random(i);
            var date = new DateOnly(2016, 1, 1).AddDays(random.Next(3650));
            var slug = $"report-{i:D5}";
            var bundle = Path.Combine(input, "reports", date.Year.ToString("D4"), slug);
            Directory.CreateDirectory(bundle);
            var order = shape == CorpusShape.Full ? pairs.OrderBy(_ => random.Next()).ToArray() : pairs.OrderBy(_ => random.Next()).Take(3 + random.Next(3)).ToArray();
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
}
