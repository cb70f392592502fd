using ReportArchive.Search;
using ReportArchive.Tests.Support;

namespace ReportArchive.Tests.Search;

/// <summary>The index tokenizer against the vectors its JavaScript twin is also checked against.</summary>
public class TokenizerTests
{
    public static TheoryData<string, string> Vectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var (text, tokens) in ReadVectors())
        {
            data.Add(text, tokens);
        }

        return data;
    }

    public static IEnumerable<(string Text, string Tokens)> ReadVectors() =>
        File.ReadAllLines(Paths.Fixture("search", "tokens.tsv"))
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => p.Length == 2 ? (p[0], p[1]) : throw new FormatException("tokens.tsv: every case is text, a tab, tokens: " + string.Join("|", p)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Text_gives_the_tokens_the_shared_vectors_list(string text, string expected)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(expected, tokens.Count == 0 ? "-" : string.Join(" ", tokens.Select(t => t.Text)));
    }

    [Fact]
    public void The_vectors_cover_chinese_english_mixed_full_width_and_emoji_text()
    {
        var texts = ReadVectors().Select(v => v.Text).ToList();
        Assert.True(texts.Count >= 30, $"only {texts.Count} vectors");
        Assert.Contains(texts, t => t.Any(c => c is >= '\uFF01' and <= '\uFF5E'));
        Assert.Contains(texts, t => t.EnumerateRunes().Any(r => r.Value >= 0x1F300));
        Assert.Contains(texts, t => t.Any(c => c is >= 'A' and <= 'z') && t.Any(c => c is >= '\u4E00' and <= '\u9FFF'));
    }

    [Fact]
    public void Offsets_point_at_the_original_text_of_each_token()
    {
        const string text = "兖州区“兖周到”，ＰＰＰ项目 Yanzhou’s";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["兖州区", "兖周到", "ppp", "项目", "yanzhou"], tokens.Select(t => t.Text));
        Assert.Equal(["兖州区", "兖周到", "ＰＰＰ", "项目", "Yanzhou"], tokens.Select(t => text[t.Start..t.End]));
        Assert.All(tokens, t => Assert.Equal(TokenKind.Han == t.Kind, Tokenizer.IsHan(System.Text.Rune.GetRuneAt(t.Text, 0))));
    }
}
