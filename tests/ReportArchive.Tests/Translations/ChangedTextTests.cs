using ReportArchive.Translations;

namespace ReportArchive.Tests.Translations;

/// <summary>What changed in an original since its translation was stamped: blocks lined up with the blocks they were, and the
/// changed sentences of an edited block, the old beside the new.</summary>
public class ChangedTextTests
{
    [Fact]
    public void Blocks_line_up_across_an_insertion_an_edit_and_a_removal()
    {
        string[] old = ["甲。", "乙。", "丙。", "丁。"];
        string[] now = ["甲。", "新的一段。", "乙，改了。", "丁。"];

        var alignment = ChangedText.Align(old, now);

        // 乙 and 丙 stood between 甲 and 丁: the new and the edited block take their places in order, 丙 is gone.
        Assert.Equal([0, 1, 2, 3], alignment.Was.Select(w => w ?? -1));
        Assert.Empty(alignment.Removed);
        var shorter = ChangedText.Align(old, ["甲。", "丁。"]);
        Assert.Equal([0, 3], shorter.Was.Select(w => w ?? -1));
        Assert.Equal([1, 2], shorter.Removed);
        var longer = ChangedText.Align(["甲。", "丁。"], now);
        Assert.Equal([0, -1, -1, 1], longer.Was.Select(w => w ?? -1));
    }

    [Theory]
    [InlineData("全年收入9000元。其他不变。", "全年收入9600元。其他不变。", "was: 全年收入9000元。\nnow: 全年收入9600元。")]
    [InlineData("第一句。第二句。", "第一句。新加的一句！第二句。", "added: 新加的一句！")]
    [InlineData("“你好。”他说。第二句。", "第二句。", "removed: “你好。”他说。")]
    [InlineData("One sentence. Two sentences.", "One sentence. Three sentences.", "was: Two sentences.\nnow: Three sentences.")]
    public void Only_the_changed_sentences_are_shown(string old, string now, string expected) =>
        Assert.Equal(expected, ChangedText.Difference(old, now));

    [Fact]
    public void Sentences_keep_their_closing_quotes_and_a_thousand_blocks_are_compared_in_bounded_time()
    {
        Assert.Equal(["“老尚大哥，你可得帮我。”", "张大姐说。"], ChangedText.Sentences("“老尚大哥，你可得帮我。”张大姐说。"));
        var many = Enumerable.Range(0, 5000).Select(i => $"第{i}段。").ToArray();
        var alignment = ChangedText.Align(many, [.. many.Skip(1)]);
        Assert.Equal(4999, alignment.Was.Length);
    }
}
