using ReportArchive.Import;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Import;

/// <summary>The cases in Fixtures/import/punctuation-cases.tsv, one per line: raw text, then the text as imported.</summary>
public class PunctuationTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadLines(Paths.Fixture("import", "punctuation-cases.tsv")).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ascii_punctuation_in_chinese_text_is_made_full_width(string raw, string expected) =>
        Assert.Equal(expected, Punctuation.Normalize(raw));
}
