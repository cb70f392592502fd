namespace ReportArchive.Import;

/// <summary>Moves each caption to the section it describes: the one sharing the most distinctive character pairs and words
/// with it (pairs common to every section count for little), right after the paragraph that shares the most.
/// A caption that shares nothing stays where the page put it. A caption stands near the photo it belongs to, so only the
/// sections within <see cref="Reach"/> of where the page put it are candidates: the work grows with the page, not its square.</summary>
public static class CaptionPlacer
{
    /// <summary>How many sections before and after a caption's place on the page may be the one it describes.</summary>
    public const int Reach = 8;

    public static (List<DraftBlock> Lead, List<DraftSection> Sections) Place(List<DraftBlock> lead, List<DraftSection> sections)
    {
        var captions = lead.Concat(sections.SelectMany(s => s.Blocks)).Where(b => b.IsCaption).ToList();
        if (captions.Count == 0 || sections.Count == 0)
        {
            return (lead, sections);
        }

        var bodies = sections.Select(s => new List<DraftBlock>(s.Blocks.Where(b => !b.IsCaption))).ToList();
        var leadBody = lead.Where(b => !b.IsCaption).ToList();
        var terms = sections.Select((s, i) => Terms(string.Concat(bodies[i].Select(b => b.Text).Prepend(s.Heading)))).ToList();
        var weight = Weights(terms);

        var home = new Dictionary<DraftBlock, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < sections.Count; i++)
        {
            foreach (var block in sections[i].Blocks.Where(b => b.IsCaption))
            {
                home.TryAdd(block, i);
            }
        }

        foreach (var caption in captions)
        {
            var own = Terms(caption.Text);
            var at = home.GetValueOrDefault(caption, -1);
            var (first, last) = (Math.Max(0, at - Reach), Math.Min(sections.Count - 1, Math.Max(at, 0) + Reach));
            var (best, bestScore) = (-1, 0.0);
            for (var i = first; i <= last; i++)
            {
                if (Score(own, terms[i], weight) is var score && score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            var target = best >= 0 ? best : at;
            var list = target >= 0 ? bodies[target] : leadBody;
            list.Insert(InsertAt(list, own, weight), caption);
        }

        return (leadBody, [.. sections.Select((s, i) => s with { Blocks = bodies[i] })]);
    }

    /// <summary>After the paragraph that shares the most with the caption (the last of equals), never before another caption's place.</summary>
    private static int InsertAt(List<DraftBlock> blocks, HashSet<string> caption, Dictionary<string, double> weight)
    {
        var (at, best) = (blocks.Count, 0.0);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!blocks[i].IsCaption && Score(caption, Terms(blocks[i].Text), weight) is var score && score >= best && score > 0)
            {
                (at, best) = (i + 1, score);
            }
        }

        while (at < blocks.Count && blocks[at].IsCaption)
        {
            at++;
        }

        return at;
    }

    private static double Score(HashSet<string> caption, HashSet<string> text, Dictionary<string, double> weight) =>
        caption.Where(text.Contains).Sum(t => weight.GetValueOrDefault(t));

    /// <summary>Inverse document frequency over the sections: a pair found in one section weighs most.</summary>
    private static Dictionary<string, double> Weights(List<HashSet<string>> documents) =>
        documents.SelectMany(d => d).GroupBy(t => t)
            .ToDictionary(g => g.Key, g => Math.Log(1 + ((double)documents.Count / g.Count())));

    /// <summary>The overlapping pairs of Han characters, and the Latin words and numbers, of a text.</summary>
    public static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (Chinese.IsHan(text[i]) && Chinese.IsHan(text[i + 1]))
            {
                terms.Add(text.Substring(i, 2));
            }
        }

        foreach (var word in System.Text.RegularExpressions.Regex.Matches(text, "[A-Za-z0-9]+"))
        {
            terms.Add(word.ToString()!.ToLowerInvariant());
        }

        return terms;
    }
}
