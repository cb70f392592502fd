using System.Collections.Immutable;
using CsCheck;
using ReportArchive.Configuration;
using ReportArchive.Content;
using ReportArchive.Output;
using ReportArchive.Routing;
using ReportArchive.Search;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Search;

/// <summary>A search index made from the last build's index (the changed records' entries taken out and put in again) is the index
/// made from every record: the same files, byte for byte, whatever was edited; and when the last index or what it was made from
/// cannot be trusted, the whole index is made again.</summary>
public class IndexHistoryTests
{
    private static readonly Routes At = new(LanguageSet.Default, new Uri("https://example.org/x/"));

    // Few characters, so that terms are shared by many records and the index has many shards at a small size.
    private static readonly Gen<string> Sentence = Gen.String[Gen.Char["老尚好耿丽夜市书馆河灯。"], 1, 30];

    private static readonly Gen<string> Words = Gen.Select(Gen.Int[0, 5], Gen.Int[1, 4], (first, count) =>
        string.Join(' ', Enumerable.Range(first, count).Select(i => $"harbour{i} keeper{i % 3}")));

    private static readonly Gen<string> Text = Gen.Frequency((3, Sentence), (1, Words), (1, Gen.Select(Sentence, Words, (a, b) => a + b)));

    /// <summary>A report of one to three sections, each of one to three paragraphs.</summary>
    private static readonly Gen<Report> Reports = Gen.Select(Text, Gen.Select(Text, Text.Array[1, 3]).Array[1, 3], (title, sections) =>
        Report(title, [.. sections.Select(s => (s.Item1, s.Item2))]));

    [Fact]
    public void An_index_made_from_the_last_one_is_the_index_made_from_every_record()
    {
        Gen.Select(Reports.Array[2, 8], Gen.Int[0, 1000].Array[1, 4], Text.Array[4], Gen.Int[0, 2]).Sample((reports, edits, texts, size) =>
        {
            var archive = Numbered(reports);
            var edited = archive.ToArray();
            for (var e = 0; e < edits.Length; e++)
            {
                edited[edits[e] % edited.Length] = Edit(edited[edits[e] % edited.Length], edits[e] / 7, texts[e]);
            }

            var shardBytes = new[] { 40, 300, SearchIndex.DefaultShardBytes }[size];
            using var folder = new TempDirectory();
            var history = Built(folder, archive, shardBytes);
            var previous = archive.Where((r, i) => !ReferenceEquals(r, edited[i])).ToDictionary(r => r.Directory);
            var made = new IndexHistory(history.State, history.Index, "zh", previous);
            var patched = SearchIndex.Build(edited, At, shardBytes, history: made);
            var whole = SearchIndex.Build(edited, At, shardBytes);

            Assert.Equal(Files(whole), Files(patched));
            Assert.NotNull(made.Changed);
            return true;
        }, iter: 60);
    }

    [Fact]
    public void An_edit_analyses_only_the_records_it_changed_and_remakes_only_their_terms_shards()
    {
        // Each report written in characters of its own: an edit of one changes the shards of its terms only.
        static string Own(int report, int from, int count) => new([.. Enumerable.Range(from, count).Select(k => (char)(0x4E00 + (report * 40) + k))]);
        var archive = Numbered([.. Enumerable.Range(0, 40).Select(i => Report(Own(i, 0, 4), [(Own(i, 4, 3), [Own(i, 7, 12), Own(i, 19, 12)])]))]);
        using var folder = new TempDirectory();
        var kept = Built(folder, archive, 300);
        var shardsBefore = Directory.GetFiles(kept.Index, "*.json.gz").Length;

        var edited = archive.ToArray();
        edited[7] = Edit(edited[7], 1, Own(7, 31, 6));
        var history = new IndexHistory(kept.State, kept.Index, "zh", new Dictionary<string, Report> { [archive[7].Directory] = archive[7] });
        var patched = SearchIndex.Build(edited, At, 300, history: history);

        Assert.Equal(Files(SearchIndex.Build(edited, At, 300)), Files(patched));
        Assert.Equal(1, history.Changed);
        Assert.StartsWith("made from the last index: 1 records changed", history.Outcome, StringComparison.Ordinal);
        var names = Files(patched).Keys.ToHashSet();
        var unchanged = Directory.GetFiles(kept.Index, "*.json.gz").Count(f => names.Contains(Routes.SearchFile(Path.GetFileName(f))));
        Assert.InRange(shardsBefore - unchanged, 1, shardsBefore / 10);
    }

    [Fact]
    public void A_report_whose_stamp_is_as_kept_is_not_hashed_again()
    {
        // The stamp names the bundle's files as found: a report with the stamp it had is taken as it was, even if (as here, where
        // the stamp is given by hand) its text differs; one with another stamp is hashed and found changed.
        var archive = Numbered([Report("老尚好", [("一", ["夜市"])]), Report("耿丽丽", [("二", ["书馆"])])]).Select(r => r with { FileState = "s" + r.Slug }).ToArray();
        using var folder = new TempDirectory();
        var kept = Built(folder, archive, 300);
        var previous = archive.ToDictionary(r => r.Directory);

        var sameStamp = archive.ToArray();
        sameStamp[0] = Edit(sameStamp[0], 0, "河灯");
        var trusted = new IndexHistory(kept.State, kept.Index, "zh", previous);
        SearchIndex.Build(sameStamp, At, 300, history: trusted);
        Assert.Equal(0, trusted.Changed);

        var newStamp = sameStamp.ToArray();
        newStamp[0] = newStamp[0] with { FileState = "new" };
        var hashed = new IndexHistory(kept.State, kept.Index, "zh", previous);
        var made = SearchIndex.Build(newStamp, At, 300, history: hashed);
        Assert.Equal(1, hashed.Changed);
        Assert.Equal(Files(SearchIndex.Build(newStamp, At, 300)), Files(made));
    }

    public static TheoryData<string> Untrusted => ["toc", "shard", "state", "previous", "old text", "added", "context"];

    [Theory]
    [MemberData(nameof(Untrusted))]
    public void What_cannot_be_trusted_makes_the_whole_index(string what)
    {
        var archive = Numbered([.. Enumerable.Range(0, 12).Select(i => Report($"标题{i}", [($"第{i}节", [$"老尚好{i}夜市", "耿丽丽在书馆"])]))]);
        using var folder = new TempDirectory();
        var kept = Built(folder, archive, 200);
        var edited = archive.ToArray();
        edited[3] = Edit(edited[3], 0, "河灯亮了");
        var previous = new Dictionary<string, Report> { [archive[3].Directory] = archive[3] };
        var context = "zh";
        switch (what)
        {
            case "toc":
                File.AppendAllText(Path.Combine(kept.Index, IndexFormat.TocFile), " ");
                break;
            case "shard":
                // Every shard replaced by a valid gzip file of other bytes: none hashes to its name.
                foreach (var shard in Directory.GetFiles(kept.Index, "*.json.gz"))
                {
                    File.WriteAllBytes(shard, IndexFormat.Compress("{\"老\":[0,1,1]}"u8.ToArray()));
                }

                break;
            case "state":
                var bytes = File.ReadAllBytes(kept.State);
                bytes[bytes.Length / 2] ^= 1;
                File.WriteAllBytes(kept.State, bytes);
                break;
            case "previous":
                previous.Clear();
                break;
            case "old text":
                previous[archive[3].Directory] = Edit(archive[3], 0, "别的");
                break;
            case "added":
                edited = [.. edited, Report("新的", [("三", ["河"])]) with { Slug = "zz", Directory = "/zz" }];
                break;
            default:
                context = "zh,en";
                break;
        }

        var history = new IndexHistory(kept.State, kept.Index, context, previous);
        var made = SearchIndex.Build(edited, At, 200, history: history);

        Assert.Null(history.Changed);
        Assert.StartsWith("made whole", history.Outcome, StringComparison.Ordinal);
        Assert.Equal(Files(SearchIndex.Build(edited, At, 200)), Files(made));
    }

    [Fact]
    public async Task A_build_after_an_edit_makes_its_index_from_the_last_one_and_it_is_the_index_of_a_build_from_nothing()
    {
        using var site = new TestSite("trilingual");
        FileTree.Settle(site.Input);
        Directory.CreateDirectory(site.Output);
        var first = await site.BuildAsync();
        Assert.StartsWith("made whole", first.SearchMade, StringComparison.Ordinal);
        var again = await site.BuildAsync();
        Assert.Equal(0, again.SearchRecordsChanged);

        // Two edits in a row (the second build's spare lacks what the first changed: those files are taken from the output).
        var original = Path.Combine(site.Bundle(2023, "night-market"), "index.zh.md");
        foreach (var (from, to) in new[] { ("八十个摊位", "九十个摊位，灯火通明"), ("九十个摊位", "一百个摊位") })
        {
            File.WriteAllText(original, File.ReadAllText(original).Replace(from, to, StringComparison.Ordinal));
            FileTree.Settle(site.Bundle(2023, "night-market"));
            var edited = await site.BuildAsync();
            Assert.True(edited.SearchRecordsChanged > 0, edited.SearchMade);
            Assert.Equal(Search(FileTree.Hashes(site.Output)), Search(await FileTree.BuiltFresh(site.Settings())));
        }

        // Edited just now, twice in a row (the bundle not trusted by its times): the text is compared instead, and the text each
        // build read is what the next one takes the index's changes from.
        foreach (var (from, to) in new[] { ("一百个摊位", "两百个摊位"), ("两百个摊位", "三百个摊位") })
        {
            File.WriteAllText(original, File.ReadAllText(original).Replace(from, to, StringComparison.Ordinal));
            var unsettled = await site.BuildAsync();
            Assert.True(unsettled.SearchRecordsChanged > 0, unsettled.SearchMade);
        }

        Assert.Equal(FileTree.Hashes(site.Output), await FileTree.BuiltFresh(site.Settings()));
    }

    private static SortedDictionary<string, string> Search(SortedDictionary<string, string> site) =>
        new(site.Where(f => f.Key.StartsWith("search", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    /// <summary>Builds the index of <paramref name="archive"/> with a history, writes its files where the next build reads them.</summary>
    private static (string State, string Index) Built(TempDirectory folder, IReadOnlyList<Report> archive, int shardBytes)
    {
        var (state, index) = (folder["search.bin"], folder["search"]);
        var history = new IndexHistory(state, index, "zh", new Dictionary<string, Report>());
        var files = SearchIndex.Build(archive, At, shardBytes, history: history);
        Assert.True(history.Save());
        Directory.CreateDirectory(index);
        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(index, file.Path[Routes.SearchIndex.Length..]), file.Bytes!);
        }

        Assert.True(File.Exists(state));
        return (state, index);
    }

    private static SortedDictionary<string, string> Files(IEnumerable<OutputFile> files) =>
        new(files.ToDictionary(f => f.Path, f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(f.Bytes!))), StringComparer.Ordinal);

    /// <summary>Reports with their own slugs and folders, dated apart.</summary>
    private static Report[] Numbered(IEnumerable<Report> reports) => [.. reports.Select((r, i) => r with
    {
        Slug = $"r{i:D3}",
        Directory = $"/reports/r{i:D3}",
        Date = new DateOnly(2024, 1, 1).AddDays(i),
    })];

    /// <summary>The report with one text replaced by <paramref name="text"/>: its title, or the nth paragraph or heading.</summary>
    private static Report Edit(Report report, int which, string text)
    {
        var zh = report.Original;
        var slots = zh.Sections.Length * 4;
        var at = which % (slots + 1);
        if (at == slots)
        {
            return report with { Files = [zh with { Front = zh.Front with { Title = text } }] };
        }

        var (s, k) = (at / 4, at % 4);
        var section = zh.Sections[s];
        section = k == 3 || section.Blocks.Length == 0
            ? section with { Heading = text }
            : section with { Blocks = section.Blocks.SetItem(k % section.Blocks.Length, new Paragraph(5, text, text)) };
        return report with { Files = [zh with { Sections = zh.Sections.SetItem(s, section) }] };
    }

    private static Report Report(string title, (string Heading, string[] Paragraphs)[] sections)
    {
        var front = new FrontMatter(title, null, new DateOnly(2024, 1, 2), false, null, [], [], "a", [], ImmutableDictionary<string, int>.Empty);
        var zh = new Translation("zh", "/a/index.zh.md", front, [],
            [.. sections.Select((s, i) => new Section($"s{i}", s.Heading, 3, [.. s.Paragraphs.Select(p => (Block)new Paragraph(5, p, p))]))]);
        return new Report("/a", "a", new DateOnly(2024, 1, 2), false, [], [], [zh]);
    }
}
