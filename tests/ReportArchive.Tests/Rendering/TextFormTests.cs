using ReportArchive.Configuration;
using ReportArchive.Rendering;

namespace ReportArchive.Tests.Rendering;

/// <summary>Dates and excerpts as each language writes them.</summary>
public class TextFormTests
{
    private static readonly Language Zh = LanguageSet.Default["zh"];
    private static readonly Language En = LanguageSet.Default["en"];

    [Theory]
    [InlineData("zh", false, "2023年7月15日")]
    [InlineData("zh", true, "2023年7月")]
    [InlineData("en", false, "July 15, 2023")]
    [InlineData("en", true, "July 2023")]
    public void Dates_are_written_in_each_language_and_inferred_ones_to_the_month(string lang, bool inferred, string expected) =>
        Assert.Equal(expected, LanguageSet.Default[lang].FormatDate(new DateOnly(2023, 7, 15), inferred));

    [Fact]
    public void A_chinese_excerpt_ends_at_a_sentence_end()
    {
        var text = string.Concat(Enumerable.Repeat("兖州区财政局聚焦党建与业务融合。", 12));
        var excerpt = Excerpts.Of(text, Zh);
        Assert.EndsWith("。", excerpt);
        Assert.True(excerpt.Length <= 120);
        Assert.True(excerpt.Length > 100);
    }

    [Fact]
    public void Mixed_chinese_and_latin_text_is_measured_by_how_wide_it_looks()
    {
        // 19 columns a sentence: PPP and ABCDEFGHIJ one each, 项目 and 。 two each; 240 columns hold 12 sentences.
        var mixed = Excerpts.Of(string.Concat(Enumerable.Repeat("PPP项目ABCDEFGHIJ。", 20)), Zh);
        // 26 columns a sentence of twelve Chinese characters and a stop: 9 sentences.
        var chinese = Excerpts.Of(string.Concat(Enumerable.Repeat("专项债券资金全力支持西城。", 20)), Zh);
        Assert.Equal(12, mixed.Count(c => c == '。'));
        Assert.Equal(9, chinese.Count(c => c == '。'));
        Assert.EndsWith("。", mixed);
    }

    [Fact]
    public void A_chinese_excerpt_without_a_sentence_end_never_splits_a_character()
    {
        var text = string.Concat(Enumerable.Repeat("𠀋兖州", 80)); // a character outside the basic plane is two UTF-16 units
        var excerpt = Excerpts.Of(text, Zh);
        Assert.EndsWith("…", excerpt);
        Assert.False(char.IsHighSurrogate(excerpt[^2]));
        Assert.StartsWith(excerpt[..^1], text);
    }

    [Fact]
    public void An_english_excerpt_ends_at_a_sentence_end_and_not_inside_a_number()
    {
        var text = string.Concat(Enumerable.Repeat("The bureau secured 6.6 billion yuan in bonds this year. ", 10)).Trim();
        var excerpt = Excerpts.Of(text, En);
        Assert.EndsWith("this year.", excerpt);
        Assert.True(excerpt.Length <= 320);
    }

    [Fact]
    public void A_short_text_is_its_own_excerpt() => Assert.Equal("短文。", Excerpts.Of("短文。", Zh));
}
