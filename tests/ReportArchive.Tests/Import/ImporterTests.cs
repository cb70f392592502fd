using System.Text;
using ReportArchive.Import;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Import;

/// <summary>The importer on the seed report as printed, and on variants of it, must structure it as a reader of Chinese would.</summary>
public class ImporterTests
{
    private static readonly string SeedText = File.ReadAllText(Paths.Fixture("import", "seed-yanzhou.txt"));

    private static readonly string[] SeedHeadings =
    [
        "区委常委抓党建 基层党建更过硬",
        "忠诚为民强担当 服务送进咱心坎",
        "“红耀教育”强队伍 红色导师传帮带",
        "兴财举政润民心 党建赋能新发展",
        "“兖周到”闭环服务 群众办事更便捷",
    ];

    private static Draft Seed() => NewspaperImporter.Import(SeedText, new DateOnly(2023, 7, 1));

    [Fact]
    public void The_first_line_gives_the_title_and_the_subtitle()
    {
        var draft = Seed();
        Assert.Equal("兖州区以高质量机关党建，引领高质量发展", draft.Title);
        Assert.Equal("“三务”深度融合，忠诚履行职责", draft.Subtitle);
    }

    [Fact]
    public void The_byline_is_lifted_out_and_the_paragraph_after_it_is_the_lead()
    {
        var draft = Seed();
        Assert.Equal("记者 陈丹", draft.Byline);
        var lead = Assert.Single(draft.Lead);
        Assert.StartsWith("在深入学习宣传贯彻党的二十大精神基础上", lead.Text);
        Assert.DoesNotContain(draft.Sections.SelectMany(s => s.Blocks), b => b.Text.Contains("陈丹"));
        Assert.StartsWith("兖州区委办公室党支部", draft.Sections[0].Blocks[0].Text);
    }

    [Fact]
    public void Five_sections_in_order_each_with_an_ascii_id()
    {
        var draft = Seed();
        Assert.Equal(SeedHeadings, draft.Sections.Select(s => s.Heading));
        Assert.All(draft.Sections, s => Assert.Matches("^[a-z0-9-]+$", s.Id));
        Assert.Equal(draft.Sections.Count, draft.Sections.Select(s => s.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("张大姐在某公司干业务员多年", "“老尚大哥")]
    [InlineData("开展“一支部一品牌、一支部一阵地”创建活动，推进模范机关全面提档升级", "兖州区财政局聚焦")]
    public void Paragraphs_broken_by_the_page_layout_are_joined(string joined, string paragraphStart)
    {
        var paragraph = Assert.Single(Seed().Sections.SelectMany(s => s.Blocks), b => b.Text.StartsWith(paragraphStart));
        Assert.Contains(joined, paragraph.Text);
    }

    [Fact]
    public void A_paragraph_missing_only_its_full_stop_is_not_joined_to_the_quotation_after_it()
    {
        var draft = Seed();
        var procuratorate = draft.Sections[1].Blocks;
        Assert.EndsWith("老尚工作室就是其中代表", procuratorate[0].Text);
        Assert.StartsWith("“老尚大哥", procuratorate[1].Text);
        Assert.Contains(draft.Warnings, w => w.Line == 27 && w.Message.Contains("full stop"));
    }

    [Fact]
    public void Section_paragraph_counts_match_the_printed_article()
    {
        var counts = Seed().Sections.Select(s => s.Blocks.Count(b => !b.IsCaption));
        Assert.Equal([5, 7, 5, 3, 4], counts);
    }

    [Theory]
    [InlineData("区委办公室启动“科长帮带促传承”工作。", 0)]
    [InlineData("“耿丽丽名师工作室”正开展“青蓝工程”，帮教青年教师。", 2)]
    [InlineData("区财政局举行“鲁担惠农贷”宣讲活动。", 3)]
    public void Captions_become_figures_in_the_section_they_describe(string caption, int section)
    {
        var draft = Seed();
        Assert.Equal(3, draft.Captions.Count());
        var holder = Assert.Single(draft.Sections, s => s.Blocks.Any(b => b.IsCaption && b.Text == caption));
        Assert.Equal(draft.Sections[section], holder);
    }

    public static TheoryData<string> CaptionLayouts() => new()
    {
        "all-at-top", "all-at-end-reversed", "in-wrong-sections",
    };

    /// <summary>The same captions, wherever a layout happens to leave them, land in the same sections.</summary>
    [Theory]
    [MemberData(nameof(CaptionLayouts))]
    public void Caption_placement_does_not_depend_on_where_the_page_left_them(string layout)
    {
        var captions = new[] { "区委办公室启动“科长帮带促传承”工作。", "区财政局举行“鲁担惠农贷”宣讲活动。", "“耿丽丽名师工作室”正开展“青蓝工程”，帮教青年教师。" };
        var lines = SeedText.Split('\n').Where(l => !captions.Contains(l.Trim())).ToList();
        var block = (string c) => new[] { "", "", c, "", "" };
        switch (layout)
        {
            case "all-at-top":
                lines.InsertRange(lines.FindIndex(l => l.StartsWith("兖州区以")) + 1, captions.SelectMany(block));
                break;
            case "all-at-end-reversed":
                lines.AddRange(captions.Reverse().SelectMany(block));
                break;
            default:
                lines.InsertRange(lines.FindIndex(l => l.StartsWith("“兖周到”")), block(captions[0]));
                lines.InsertRange(lines.FindIndex(l => l.StartsWith("忠诚为民强担当")), block(captions[1]).Concat(block(captions[2])));
                break;
        }

        var draft = NewspaperImporter.Import(string.Join('\n', lines), new DateOnly(2023, 7, 1));

        string SectionOf(string caption) => Assert.Single(draft.Sections, s => s.Blocks.Any(b => b.Text == caption)).Heading;
        Assert.Equal(SeedHeadings[0], SectionOf(captions[0]));
        Assert.Equal(SeedHeadings[3], SectionOf(captions[1]));
        Assert.Equal(SeedHeadings[2], SectionOf(captions[2]));
        Assert.Equal(SeedHeadings, draft.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void Another_report_with_a_byline_before_the_first_heading_and_a_credited_caption()
    {
        var text = File.ReadAllText(Paths.Fixture("import", "variant-library.txt"));
        var draft = NewspaperImporter.Import(text, new DateOnly(2024, 3, 5));

        Assert.Equal("城区图书馆延长开放时间，书香浸润市民生活", draft.Title);
        Assert.Equal("夜读成为新风尚", draft.Subtitle);
        Assert.Equal("本报记者 王明 李华", draft.Byline);
        Assert.StartsWith("今年以来，城区图书馆推出“夜间开放”服务", Assert.Single(draft.Lead).Text);
        Assert.Equal(["夜间开放 满足上班族需求", "少儿阅览室 亲子共读添乐趣", "数字阅读 扫码借书更便捷"], draft.Sections.Select(s => s.Heading));
        Assert.Contains(draft.Sections[0].Blocks, b => b.Text.Contains("25岁至40岁的上班族。图书馆还为"));
        Assert.Contains(draft.Sections[1].Blocks, b => b.IsCaption && b.Text == "志愿者张晓燕为孩子们讲绘本故事。" && b.Credit == "记者 王明 摄");
        Assert.Contains(draft.Sections[2].Blocks, b => b.IsCaption && b.Text == "读者在自助借还机上扫码借书。");
        Assert.Contains(draft.Sections[2].Blocks, b => !b.IsCaption && b.Text.StartsWith("馆长周建国表示"));
    }

    [Fact]
    public void Gb18030_input_gives_the_same_draft_as_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030");
        var fromUtf8 = DraftWriter.ToMarkdown(NewspaperImporter.Import(RawText.Decode(Encoding.UTF8.GetBytes(SeedText)).Text, new DateOnly(2023, 7, 1)), "s");
        var fromGb = DraftWriter.ToMarkdown(NewspaperImporter.Import(RawText.Decode(gb.GetBytes(SeedText)).Text, new DateOnly(2023, 7, 1)), "s");
        Assert.Equal(fromUtf8, fromGb);
        Assert.NotEqual(Encoding.UTF8.GetBytes(SeedText), gb.GetBytes(SeedText));
    }

    [Fact]
    public void Nothing_is_lost_only_whitespace_and_punctuation_width_differ()
    {
        var markdown = DraftWriter.ToMarkdown(Seed(), "yanzhou");
        var source = Han(SeedText);
        var draft = Han(markdown);

        Assert.Equal(source.Order(), draft.Order());
        foreach (var line in SeedText.Split('\n').Select(Han).Where(l => l.Length > 0))
        {
            Assert.Contains(line, draft);
        }

        var body = System.Text.RegularExpressions.Regex.Replace(markdown, @"\(photos/[^)]*\)|\{#[^}]*\}|^date: .*$", "", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(Digits(SeedText), Digits(body)); // the numbers of the text, in their order
    }

    [Fact]
    public void The_date_is_inferred_from_the_text_when_none_is_given_and_marked_as_inferred()
    {
        var draft = NewspaperImporter.Import(SeedText);
        Assert.Equal(new DateOnly(2023, 7, 1), draft.Date);
        Assert.True(draft.DateInferred);
        Assert.Contains("date_inferred: true", DraftWriter.ToMarkdown(draft, "s"));
    }

    [Fact]
    public void The_draft_is_valid_content_with_stand_in_photos()
    {
        using var site = new TestSite();
        var draft = Seed();
        ImportCommand.Write(site.Input, draft, "yanzhou", site.Bundle(2023, "yanzhou"), "index.zh.md");
        var diagnostics = new List<ReportArchive.Build.Diagnostic>();

        var report = ReportArchive.Content.ReportLoader.Load(site.Bundle(2023, "yanzhou"), ReportArchive.Configuration.LanguageSet.Default, diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(report);
        Assert.Equal(5, report.Original.Sections.Length);
        Assert.Equal(3, report.Original.Figures.Count());
        Assert.All(report.Original.Figures, f => Assert.True(File.Exists(Path.Combine(site.Bundle(2023, "yanzhou"), f.Source))));
    }

    private static string Han(string text) => string.Concat(text.Where(ReportArchive.Import.Chinese.IsHan));

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));
}
