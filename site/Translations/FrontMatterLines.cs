namespace ReportArchive.Translations;

/// <summary>Edits a front matter's lines in place, one top-level key at a time, keeping every other line (and comment) as written.</summary>
public static class FrontMatterLines
{
    public static string? Value(List<string> front, string key)
    {
        var at = IndexOf(front, key);
        if (at < 0)
        {
            return null;
        }

        var value = front[at][(key.Length + 1)..].Trim();
        return value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            ? System.Text.Json.JsonSerializer.Deserialize(value, Output.JsonTypes.Default.String)
            : value;
    }

    /// <summary>Sets <paramref name="key"/> to a quoted string, adding the key before <c>translation_of</c> when it is missing.</summary>
    public static void Set(List<string> front, string key, string value)
    {
        var line = $"{key}: {Content.MarkdownText.Yaml(value)}";
        var at = IndexOf(front, key);
        if (at >= 0)
        {
            front[at] = line;
            return;
        }

        var before = IndexOf(front, "translation_of");
        front.Insert(before < 0 ? front.Count : before, line);
    }

    /// <summary>Sets (or, with null, removes) the slot comment right above <paramref name="key"/>: <c># zh: 原文</c>.</summary>
    public static void SetComment(List<string> front, string key, string originalLang, string? comment)
    {
        var at = IndexOf(front, key);
        if (at < 0)
        {
            return;
        }

        if (at > 0 && front[at - 1].StartsWith($"# {originalLang}", StringComparison.Ordinal))
        {
            front.RemoveAt(at - 1);
            at--;
        }

        if (comment is not null)
        {
            front.Insert(at, $"# {originalLang}{comment.Replace('\n', ' ')}");
        }
    }

    /// <summary>The slot comment above <paramref name="key"/>, without its <c># zh</c> prefix, or null.</summary>
    public static string? Comment(List<string> front, string key, string originalLang)
    {
        var at = IndexOf(front, key);
        return at > 0 && front[at - 1].StartsWith($"# {originalLang}", StringComparison.Ordinal) ? front[at - 1][(2 + originalLang.Length)..] : null;
    }

    /// <summary>Replaces the mapping under <paramref name="key"/> (block or flow form) with these entries, in this order.</summary>
    public static void SetMap(List<string> front, string key, IEnumerable<(string Key, string Value)> entries)
    {
        var lines = entries.Select(e => $"  {e.Key}: {e.Value}").ToList();
        var at = IndexOf(front, key);
        if (at < 0)
        {
            at = front.Count;
            front.Add("");
        }
        else
        {
            var end = at + 1;
            while (end < front.Count && (front[end].StartsWith(' ') || front[end].StartsWith('\t')))
            {
                end++;
            }

            front.RemoveRange(at + 1, end - at - 1);
        }

        front[at] = lines.Count == 0 ? $"{key}: {{}}" : $"{key}:";
        front.InsertRange(at + 1, lines);
    }

    /// <summary>The values of a flow list written by <see cref="SetList"/> (<c>key: [a, b]</c>); none when the key is not there.</summary>
    public static List<string> List(List<string> front, string key)
    {
        var value = Value(front, key);
        return value is ['[', .., ']'] ? [.. value[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [];
    }

    /// <summary>Sets <paramref name="key"/> to a flow list of names, or removes it when there are none.</summary>
    public static void SetList(List<string> front, string key, IEnumerable<string> values)
    {
        var list = values.ToList();
        var at = IndexOf(front, key);
        if (list.Count == 0)
        {
            if (at >= 0)
            {
                front.RemoveAt(at);
            }

            return;
        }

        var line = $"{key}: [{string.Join(", ", list)}]";
        if (at >= 0)
        {
            front[at] = line;
        }
        else
        {
            var before = IndexOf(front, "translation_of");
            front.Insert(before < 0 ? front.Count : before, line);
        }
    }

    private static int IndexOf(List<string> front, string key) =>
        front.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
}
