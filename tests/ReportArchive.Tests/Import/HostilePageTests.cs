using System.Text;
using ReportArchive.Build;
using ReportArchive.Import;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Import;

/// <summary>Pages that are not what import is for: too large (or endless), or in another language written with Han characters.</summary>
public class HostilePageTests
{
    private const string Head = "济宁日报\n2024年3月15日 星期五\n第3版\n\n";

    private static async Task<(int Code, string Out, string Err, TempDirectory Work)> Import(string page)
    {
        var work = new TempDirectory();
        var (code, output, error) = await CommandLine.RunAsync("import", page, "--input", work["input"], "--slug", "page", "--date", "2024-03-15");
        return (code, output, error, work);
    }

    [Fact]
    public async Task A_page_over_the_limit_is_refused_before_it_is_read()
    {
        using var pages = new TempDirectory();
        using (var stream = File.Create(pages["huge.txt"]))
        {
            stream.SetLength(RawText.MaxPageBytes + 1);
        }

        var (code, _, error, work) = await Import(pages["huge.txt"]);
        using var _ = work;

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("huge.txt(1,1): error RA305: the file is 8.0 MB, more than the 8 MB a page's text may have", error);
        Assert.False(Directory.Exists(work["input"]));
    }

    [Fact]
    public async Task An_endless_file_is_read_no_further_than_the_limit()
    {
        using var pages = new TempDirectory();
        File.CreateSymbolicLink(pages["zero.txt"], "/dev/zero"); // a size of 0, and no end

        var (code, _, error, work) = await Import(pages["zero.txt"]);
        using var _ = work;

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("error RA305: the file is more than the 8 MB", error);
    }

    [Fact]
    public async Task A_page_just_under_the_limit_in_one_paragraph_wrapped_at_a_width_imports_whole()
    {
        // Lines broken at one width with no blank line between them: the whole page is one paragraph to join again.
        using var pages = new TempDirectory();
        var line = "兖州区人民检察院积极探索党建业务服务融合发展新路径老尚工作室就是其中代表教育是党之大计";
        var text = new StringBuilder(Head + "标题在这里\n\n");
        var lineBytes = Encoding.UTF8.GetByteCount(line) + 1;
        for (var bytes = Encoding.UTF8.GetByteCount(text.ToString()); bytes + lineBytes < RawText.MaxPageBytes - 1024; bytes += lineBytes)
        {
            text.Append(line).Append('\n');
        }

        var lines = text.ToString().Split('\n').Length;
        File.WriteAllText(pages["wrapped.txt"], text.ToString());

        var (code, _, error, work) = await Import(pages["wrapped.txt"]);
        using var _ = work;

        Assert.True(code == ExitCodes.Success, error);
        var draft = File.ReadAllText(Path.Combine(work["input"], "reports", "2024", "page", "index.zh.md"));
        Assert.True(lines > 50_000);
        Assert.Contains(string.Concat(Enumerable.Repeat(line, 1000)), draft);
    }

    [Fact]
    public async Task A_japanese_page_is_refused_at_its_first_kana()
    {
        using var pages = new TempDirectory();
        File.WriteAllText(pages["japan.txt"], Head + "東京都、新庁舎の建設計画を発表\n\n" +
            "東京都は十五日、都庁の新しい庁舎を建設する計画を発表した。総事業費は約千億円を見込んでいる。\n\n" +
            "知事は記者会見で「都民の皆様に親しまれる庁舎にしたい」と述べた。完成は二〇三〇年の予定だ。\n");

        var (code, _, error, work) = await Import(pages["japan.txt"]);
        using var _ = work;

        Assert.Equal(ExitCodes.ContentErrors, code);
        Assert.Contains("japan.txt(5,1): error RA306: the text is not Chinese", error);
        Assert.False(Directory.Exists(work["input"]));
    }

    [Fact]
    public async Task A_chinese_page_that_quotes_a_japanese_name_imports()
    {
        using var pages = new TempDirectory();
        File.WriteAllText(pages["brand.txt"], Head + "日资企业落户兖州\n\n本报讯 记者 王明\n\n" +
            "日前，日本“の”字连锁品牌“すき家”在兖州区开设首家门店，区商务局有关负责人介绍，这是该品牌在济宁的第一家门店，将带动就业五十余人。\n\n" +
            "区商务局表示，将持续优化营商环境，吸引更多外资企业落户，为群众提供更多就业岗位和消费选择，推动全区经济高质量发展。\n");

        var (code, _, error, work) = await Import(pages["brand.txt"]);
        using var _ = work;

        Assert.True(code == ExitCodes.Success, error);
    }

    [Fact]
    public async Task A_year_folder_that_links_outside_the_archive_is_never_written_through()
    {
        using var pages = new TempDirectory();
        using var elsewhere = new TempDirectory();
        using var work = new TempDirectory();
        TempDirectory.Copy(Paths.Fixture("base"), work["input"]);
        Directory.CreateDirectory(Path.Combine(work["input"], "reports"));
        Directory.CreateSymbolicLink(Path.Combine(work["input"], "reports", "2024"), elsewhere.Path);
        File.WriteAllText(pages["page.txt"], Head + "城东新区三百亩荒滩变身湿地公园\n\n本报记者 王明\n\n" +
            "三月的城东新区，柳枝吐绿，三百亩荒滩变成了市民休闲的湿地公园，周末游客突破两万人次，成为城市新的风景。\n");

        var (code, _, error) = await CommandLine.RunAsync("import", pages["page.txt"], "--input", work["input"], "--slug", "page", "--date", "2024-03-15");
        var (newCode, _, newError) = await CommandLine.RunAsync("new", "--title", "新报道", "--date", "2024-05-01", "--slug", "fresh", "--input", work["input"]);

        Assert.True(code == ExitCodes.Failure, error);
        Assert.Contains("is outside input/", error);
        Assert.True(newCode == ExitCodes.Failure, newError);
        Assert.Contains("is outside input/", newError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }
}
