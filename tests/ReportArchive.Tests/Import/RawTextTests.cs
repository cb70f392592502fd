using System.Text;
using ReportArchive.Import;

namespace ReportArchive.Tests.Import;

/// <summary>Bytes that are not Chinese text are refused with a message that says why.</summary>
public class RawTextTests
{
    [Theory]
    [InlineData(new byte[0], "the file is empty")]
    [InlineData(new byte[] { 32, 10, 13, 10 }, "the file is empty")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "binary")]
    public void Refuses_empty_and_binary_files(byte[] bytes, string message)
    {
        var error = Assert.Throws<ImportException>(() => RawText.Decode(bytes));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Refuses_bytes_that_are_neither_utf8_nor_gb18030()
    {
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(0x80 + (i * 7919 % 0x7F))).ToArray();
        var error = Assert.Throws<ImportException>(() => RawText.Decode(bytes));
        Assert.Matches("neither UTF-8 nor GB18030|control characters|Chinese", error.Message);
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
        Assert.Equal("标题\n\n正文。", RawText.Decode(bytes));
    }
}
