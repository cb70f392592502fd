using System.Text;

namespace ReportArchive.Import;

/// <summary>The layout of page text before it is read as a report: text hard-wrapped at a fixed width is put back into one line
/// per paragraph, and a page that carries several reports is cut where each one's headline begins.</summary>
public static class PageLayout
{
    /// <summary>Text whose lines are mostly broken at one width (every line full but a paragraph's last) has its paragraphs joined:
    /// a line continues the one before when that one was full and it is not indented. Blank lines are kept, so that every
    /// paragraph starts on the line it started on in the page.</summary>
    public static string Unwrap(string text)
    {
        var lines = text.Split('\n');
        var lengths = lines.Select(l => Trimmed(l).Length).Where(n => n >= 12).ToList();
        if (lengths.Count < 6)
        {
            return text;
        }

        var width = lengths.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var full = lengths.Count(n => n >= width - 1 && n <= width);
        if (full < lengths.Count * 0.6 || width < 15)
        {
            return text; // one line per paragraph: nothing to join
        }

        // A joined paragraph leaves the lines it took empty: blank lines keep the paragraphs apart when read again. The output is
        // written as it goes (a paragraph joined by adding each line to a string would copy it once a line).
        var output = new StringBuilder(text.Length);
        var (open, pending) = (false, 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = Trimmed(line);
            var indented = line.StartsWith('\u3000') || line.StartsWith("  ", StringComparison.Ordinal) || line.StartsWith('\t');
            if (trimmed.Length > 0 && open && !indented)
            {
                output.Append(trimmed);
                pending++; // the line it was on stays, empty
            }
            else
            {
                output.Append('\n', i == 0 ? 0 : pending + 1);
                pending = 0;
                output.Append(trimmed.Length == 0 ? "" : line);
                open = trimmed.Length > 0;
            }

            if (trimmed.Length < width - 1)
            {
                open = false; // a short line (or a blank one) ends its paragraph
            }
        }

        output.Append('\n', pending);
        return output.ToString();
    }

    /// <summary>The reports of a page: each starts at a headline (with its kicker above it, if any) that is followed within a few
    /// lines by a byline or a dateline, once the report before it has had a paragraph of text. Each part comes with the number of
    /// lines before it, so that its lines keep their numbers.</summary>
    public static List<(string Text, int LinesBefore)> Reports(string text)
    {
        var lines = text.Split('\n');
        var starts = new List<int> { 0 };
        var bodySince = false;
        var nonEmpty = Enumerable.Range(0, lines.Length).Where(i => Trimmed(lines[i]).Length > 0).ToList();
        for (var k = 0; k < nonEmpty.Count; k++)
        {
            var line = Trimmed(lines[nonEmpty[k]]);
            if (bodySince && IsHeadlineLike(line) && nonEmpty.Skip(k + 1).Take(3).Any(j => IsByline(Trimmed(lines[j]))))
            {
                var start = k > 0 && IsHeadlineLike(Trimmed(lines[nonEmpty[k - 1]])) && Trimmed(lines[nonEmpty[k - 1]]).Length < line.Length ? k - 1 : k;
                starts.Add(nonEmpty[start]);
                bodySince = false;
                continue;
            }

            bodySince |= line.Length > 40; // a paragraph of text, not a caption (captions are short)
        }

        return [.. starts.Select((s, i) => (string.Join('\n', lines[s..(i + 1 < starts.Count ? starts[i + 1] : lines.Length)]), s))];
    }

    private static bool IsHeadlineLike(string line) =>
        line.Length is >= 4 and <= 40 && line.Any(Chinese.IsHan) && !BlockClassifier.EndsComplete(line) && !IsByline(line) && !line.StartsWith('▲');

    private static bool IsByline(string line) =>
        BlockClassifier.Classify(new RawBlock(line, 0, 0, 0), nearTop: true) == RawKind.Byline || BlockClassifier.DatelineByline(line) is not null;

    private static string Trimmed(string line) => line.Trim(' ', '\t', '\u3000', '\u00A0', '\f', '\r');
}
