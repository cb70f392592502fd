using System.Collections.Immutable;
using ReportArchive.Build;
using ReportArchive.Content;
using ReportArchive.Routing;

namespace ReportArchive.Rendering;

/// <summary>A report as another's article links to it: its address, date and title in each language it is published in (the
/// original first). Equal to another that shows the same (its <see cref="Digest"/>), so that an article is not made again when a
/// report it links to changes only in what the link does not show.</summary>
public sealed class LinkedReport : IRoutedReport, IEquatable<LinkedReport>
{
    public LinkedReport(int year, string slug, DateOnly date, bool dateInferred, ImmutableArray<(string Lang, string Title)> titles)
    {
        (Year, Slug, Date, DateInferred, Titles) = (year, slug, date, dateInferred, titles);
        var text = $"{year}/{slug}|{date:yyyy-MM-dd}|{dateInferred}|{string.Join("|", titles.Select(t => $"{t.Lang}={t.Title}"))}";
        Digest = Hashes.Hex(text, 16);
    }

    public static LinkedReport Of(Report report) =>
        new(report.Year, report.Slug, report.Date, report.DateInferred, [.. report.Published.Select(t => (t.Lang, t.Title))]);

    public int Year { get; }

    public string Slug { get; }

    public DateOnly Date { get; }

    public bool DateInferred { get; }

    public ImmutableArray<(string Lang, string Title)> Titles { get; }

    /// <summary>A hash of everything the link shows: what the link is equal by, and what names it in its article's digest.</summary>
    public string Digest { get; }

    /// <summary>The title in <paramref name="lang"/>, or null when the report is not published in it.</summary>
    public string? Title(string lang) => Titles.FirstOrDefault(t => t.Lang == lang).Title;

    public bool Equals(LinkedReport? other) => other is not null && Digest == other.Digest;

    public override bool Equals(object? obj) => Equals(obj as LinkedReport);

    public override int GetHashCode() => Digest.GetHashCode(StringComparison.Ordinal);
}

/// <summary>The other reports an article links to at its end: the next newer and the next older of the archive, and the reports
/// related to it. They are part of the article's key (<see cref="ReportPagesKey"/>): an article is made again when what it shows
/// of them changes, or when they are others.</summary>
public sealed record ReportLinks(LinkedReport? Newer, LinkedReport? Older, IReadOnlyList<LinkedReport> Related)
{
    public static readonly ReportLinks None = new(null, null, []);

    public bool Equals(ReportLinks? other) => other is not null && Digest == other.Digest;

    public override int GetHashCode() => Digest.GetHashCode(StringComparison.Ordinal);

    /// <summary>What the links show, as one text, for the digest of the article's pages.</summary>
    public string Digest => $"{Newer?.Digest};{Older?.Digest};{string.Join(",", Related.Select(r => r.Digest))}";

    /// <summary>How many related reports an article shows at most.</summary>
    public const int RelatedCount = 5;

    /// <summary>How many reports on each side of a report, in each of its departments and topics, are weighed as related to it.</summary>
    private const int Window = 8;

    /// <summary>The links of every report of <paramref name="latestFirst"/> (the archive, newest first), in its order. A report's
    /// related reports share the most of its topics (each counts twice) and departments (once), the nearest in time first among
    /// equals, then the newer; they are looked for among its nearest neighbours in time in each of its groups, so that the work
    /// grows with the archive, not with its square.</summary>
    public static ReportLinks[] Of(IReadOnlyList<Report> latestFirst)
    {
        // Each report's groups as sorted numbers (a topic's number is its key's number times two plus one, a department's times two).
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        int Number(string key) => numbers.TryGetValue(key, out var n) ? n : numbers[key] = numbers.Count;
        var groupsOf = new int[latestFirst.Count][];
        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < latestFirst.Count; i++)
        {
            var report = latestFirst[i];
            var groups = report.Departments.Select(d => Number("d:" + d) * 2).Concat(report.Topics.Select(t => Number("t:" + t) * 2 + 1)).Distinct().Order().ToArray();
            groupsOf[i] = groups;
            foreach (var group in groups)
            {
                (members.TryGetValue(group, out var list) ? list : members[group] = []).Add(i);
            }
        }

        var links = new ReportLinks[latestFirst.Count];
        var linked = new LinkedReport[latestFirst.Count];
        Parallel.For(0, latestFirst.Count, i => linked[i] = LinkedReport.Of(latestFirst[i]));
        Parallel.For(0, latestFirst.Count, i => links[i] = new ReportLinks(
            i > 0 ? linked[i - 1] : null,
            i + 1 < latestFirst.Count ? linked[i + 1] : null,
            [.. RelatedTo(i, latestFirst, groupsOf, members).Select(j => linked[j])]));
        return links;
    }

    private static IEnumerable<int> RelatedTo(int i, IReadOnlyList<Report> reports, int[][] groupsOf, Dictionary<int, List<int>> members)
    {
        var candidates = new HashSet<int>();
        foreach (var group in groupsOf[i])
        {
            var list = members[group];
            var at = list.BinarySearch(i);
            for (var j = Math.Max(0, at - Window); j <= Math.Min(list.Count - 1, at + Window); j++)
            {
                if (list[j] != i)
                {
                    candidates.Add(list[j]);
                }
            }
        }

        var day = reports[i].Date.DayNumber;
        return candidates
            .Select(j => (Index: j, Score: Shared(groupsOf[i], groupsOf[j]), Distance: Math.Abs(reports[j].Date.DayNumber - day)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => c.Index)
            .Take(RelatedCount)
            .Select(c => c.Index);
    }

    /// <summary>The weight of the groups two reports share (sorted numbers; a topic counts twice, a department once).</summary>
    private static int Shared(int[] a, int[] b)
    {
        var (x, y, score) = (0, 0, 0);
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                score += (a[x] & 1) == 1 ? 2 : 1;
                x++;
                y++;
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return score;
    }
}
