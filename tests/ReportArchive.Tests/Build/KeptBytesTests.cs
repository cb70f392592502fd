using ReportArchive.Output;

namespace ReportArchive.Tests.Build;

/// <summary>Strings read back from what the program kept: repeated names are one string, and nothing is cut or altered.</summary>
public class KeptBytesTests
{
    [Fact]
    public void Names_read_twice_are_one_string_and_long_or_odd_ones_read_back_whole()
    {
        string[] written = ["culture-bureau", "culture-bureau", "文化局", new string('长', 40), "", "section-id\u0001"];
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            Array.ForEach(written, writer.Write);
        }

        using var reader = KeptBytes.Reader(stream.ToArray());
        var read = written.Select(_ => KeptBytes.Name(reader)).ToArray();

        Assert.Equal(written, read);
        Assert.Same(read[0], read[1]);
        // A length that runs past the bytes kept is an error, not a string of what follows.
        using var cut = KeptBytes.Reader(new byte[] { 5, (byte)'a' });
        Assert.Throws<InvalidDataException>(() => KeptBytes.Name(cut));
    }
}
