using System.Text;
using ReportArchive.Import;

namespace ReportArchive.Tests.Import;

/// <summary>Bytes that are not Chinese text are refused with a message that says why.</summary>
public class RawTextTests
{
    [Theory]
    [InlineData(new byte[0], "the file is empty")]
    [InlineData(new byte[] { 32, 10, 13, 10 }, "the file is empty")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "the file is a PNG image, not text")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 }, "the file is a JPEG image, not text")]
    [InlineData(new byte[] { 0x41, 0x42, 0, 0, 0x43, 0x01, 0x02, 0x03 }, "binary")]
    public void Refuses_empty_and_binary_files(byte[] bytes, string message)
    {
        var error = Assert.Throws<ImportException>(() => RawText.Decode(bytes));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Refuses_bytes_whose_encoding_cannot_be_told_and_names_the_candidates()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(0x80 + (i * 7919 % 0x7F))).ToArray();
        var error = Assert.Throws<ImportException>(() => RawText.Decode(bytes));
        Assert.Matches("encoding cannot be told with confidence \\(candidates: .+\\): give it with --encoding|control characters|Chinese", error.Message);
    }

    /// <summary>A paragraph in traditional characters, as a Hong Kong or Taiwan paper prints it (written for this test).</summary>
    private const string Traditional = "香港特區政府昨日宣布，將於明年起擴建北區圖書館，增設兒童閱讀室及長者學習中心。" +
        "發言人表示，新館落成後每日開放時間延長至晚上十時，市民可憑借書證免費使用電腦及網絡服務。" +
        "區議會議員認為，此舉有助推動全民閱讀風氣，並呼籲當局加快審批程序，讓居民早日受惠。" +
        "據了解，工程預算約為三億港元，預計需時兩年完成，期間舊館將照常開放。\n\n" +
        "圖書館館長陳美華說：「我們希望每一位市民都能在這裏找到屬於自己的書。」她續指，館方亦會舉辦講座及展覽。";

    public static TheoryData<string> Encodings() => ["big5", "gb18030", "utf-16le", "utf-8"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Detects_the_encodings_chinese_papers_use_and_keeps_traditional_characters(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(name == "utf-16le" ? "utf-16" : name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Traditional)).ToArray();

        var (text, detected) = RawText.Decode(bytes);

        Assert.Equal(Traditional, text);
        Assert.Equal(name, detected);
    }

    [Fact]
    public void An_encoding_given_on_the_command_line_is_used_and_checked()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var big5 = Encoding.GetEncoding("big5").GetBytes(Traditional);
        Assert.Equal(Traditional, RawText.Decode(big5, "big5").Text);

        var error = Assert.Throws<ImportException>(() => RawText.Decode(Encoding.UTF8.GetBytes("标题\n\n正文。\n" + "\u00FF"), "big5"));
        Assert.Equal("RA302", error.Code);
        Assert.Contains("not valid big5 text", error.Message);
    }

    [Fact]
    public void Refuses_text_that_is_not_chinese()
    {
        var error = Assert.Throws<ImportException>(() => RawText.Decode(Encoding.UTF8.GetBytes("Just an English line of text.\n\nAnd another.")));
        Assert.Contains("does not look like a Chinese report", error.Message);
    }

    [Fact]
    public void Reads_utf8_with_a_byte_order_mark_and_crlf_line_ends()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("标题\r\n\r\n正文。")).ToArray();
        Assert.Equal("标题\n\n正文。", RawText.Decode(bytes).Text);
    }
}
