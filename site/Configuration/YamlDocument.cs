using System.Collections.Immutable;
using ReportArchive.Build;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReportArchive.Configuration;

/// <summary>Reads a YAML mapping with the line of every key, so that each problem can be reported where it is.</summary>
public sealed class YamlDocument
{
    private readonly YamlMappingNode _root;

    private YamlDocument(string file, int lineOffset, YamlMappingNode root)
    {
        File = file;
        LineOffset = lineOffset;
        _root = root;
    }

    public string File { get; }

    /// <summary>Lines before the YAML text in its file (the front matter's opening <c>---</c>, for instance).</summary>
    public int LineOffset { get; }

    /// <summary>Reads a YAML file; reports <paramref name="missing"/> when it does not exist, and any key not in <paramref name="known"/>.</summary>
    public static YamlDocument? Load(string file, string missing, IReadOnlyCollection<string> known, ICollection<Diagnostic> diagnostics)
    {
        if (!System.IO.File.Exists(file))
        {
            diagnostics.Add(Diagnostic.Error("RA100", file, 1, missing));
            return null;
        }

        if (Sources.SourceFiles.ReadText(Path.GetDirectoryName(Path.GetFullPath(file))!, file, file, diagnostics) is not { } text)
        {
            return null;
        }

        var yaml = Parse(file, text, 0, diagnostics);
        yaml?.RejectUnknownKeys(known, diagnostics, Path.GetFileName(file));
        return yaml;
    }

    /// <summary>Parses <paramref name="yaml"/>; on a syntax error reports it and returns null.</summary>
    public static YamlDocument? Parse(string file, string yaml, int lineOffset, ICollection<Diagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new DepthLimit(new Parser(new StringReader(yaml))));
        }
        catch (TooDeepException e)
        {
            diagnostics.Add(Diagnostic.Error("RA101", file, (int)e.Start.Line + lineOffset,
                $"the YAML here is nested more than {DepthLimit.MaxDepth} levels deep: a front matter or configuration needs a few", (int)e.Start.Column));
            return null;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var tab = yaml.IndexOf('\t');
            if (tab >= 0 && reason.Contains("tab", StringComparison.OrdinalIgnoreCase))
            {
                // The parser names the place where it gave up; the tab it stumbled on is what the writer must change.
                var lineStart = tab == 0 ? 0 : yaml.LastIndexOf('\n', tab - 1) + 1;
                diagnostics.Add(Diagnostic.Error("RA101", file, yaml.AsSpan(0, tab).Count('\n') + 1 + lineOffset,
                    "a tab character: YAML indents with spaces only; replace it with spaces", tab - lineStart + 1));
                return null;
            }

            diagnostics.Add(Diagnostic.Error("RA101", file, (int)e.Start.Line + lineOffset,
                $"malformed YAML: {Clean(reason)}", (int)e.Start.Column));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The YAML library fails this way on some malformed input instead of with a YamlException: still the writer's mistake.
            diagnostics.Add(Diagnostic.Error("RA101", file, 1 + lineOffset, $"malformed YAML that cannot be read ({Clean(e.Message)}): check the quotes and brackets"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlDocument(file, lineOffset, new YamlMappingNode());
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            diagnostics.Add(Diagnostic.Error("RA101", file, 1 + lineOffset, "expected a mapping of 'key: value' lines"));
            return null;
        }

        return new YamlDocument(file, lineOffset, map);
    }

    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries =>
        _root.Children.Select(kv => (((YamlScalarNode)kv.Key).Value ?? "", kv.Value, LineOf(kv.Key)));

    public int LineOf(YamlNode node) => (int)node.Start.Line + LineOffset;

    /// <summary>Reports every key not in <paramref name="known"/>, with a suggestion when one is close.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known, ICollection<Diagnostic> diagnostics, string what)
    {
        foreach (var (key, _, line) in Entries.Where(e => !known.Contains(e.Key)))
        {
            var suggestion = Suggestion.Closest(key, known) is { } hint ? $" Did you mean '{hint}'?" : "";
            diagnostics.Add(Diagnostic.Error("RA102", File, line,
                $"unknown {what} key '{key}'.{suggestion} Known keys: {string.Join(", ", known)}."));
        }
    }

    public YamlNode? Get(string key) => Entries.FirstOrDefault(e => e.Key == key).Value;

    public int LineOfKey(string key) => Entries.FirstOrDefault(e => e.Key == key) is { Value: not null } e ? e.Line : 1 + LineOffset;

    /// <summary>A scalar value as a string; reports an error when the key holds a list or a mapping.</summary>
    public string? String(string key, ICollection<Diagnostic> diagnostics)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Value: { } value } when value.Any(IsControl):
                // An escape such as "\0" or "\a" in a quoted YAML string makes a control character that the file itself does not show.
                diagnostics.Add(Diagnostic.Error("RA109", File, LineOf(node),
                    $"'{key}' holds a control character U+{(int)value.First(IsControl):X4} (from an escape in quotes): remove it", (int)node.Start.Column));
                return null;
            case YamlScalarNode s:
                return string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim();
            default:
                diagnostics.Add(Diagnostic.Error("RA103", File, LineOf(node), $"'{key}' must be a single value"));
                return null;
        }
    }

    private static bool IsControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    /// <summary>A list of scalars (a single scalar counts as a list of one).</summary>
    public ImmutableArray<(string Value, int Line)> List(string key, ICollection<Diagnostic> diagnostics)
    {
        var node = Get(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode s:
                return string.IsNullOrWhiteSpace(s.Value) ? [] : [(s.Value.Trim(), LineOf(s))];
            case YamlSequenceNode seq:
                var items = ImmutableArray.CreateBuilder<(string, int)>();
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: { } v })
                    {
                        items.Add((v.Trim(), LineOf(item)));
                    }
                    else
                    {
                        diagnostics.Add(Diagnostic.Error("RA103", File, LineOf(item), $"'{key}' must be a list of single values"));
                    }
                }

                return items.ToImmutable();
            default:
                diagnostics.Add(Diagnostic.Error("RA103", File, LineOf(node), $"'{key}' must be a list"));
                return [];
        }
    }

    /// <summary>A mapping of scalars to scalars, with the line of each entry.</summary>
    public ImmutableArray<(string Key, string Value, int Line)> Map(string key, ICollection<Diagnostic> diagnostics) =>
        Get(key) switch
        {
            null => [],
            YamlMappingNode m => [.. MapEntries(m, key, diagnostics)],
            var other => Fail(other, key, diagnostics),
        };

    /// <summary>A nested mapping read as a document of its own (for sections of a configuration file).</summary>
    public YamlDocument? Child(string key, ICollection<Diagnostic> diagnostics)
    {
        switch (Get(key))
        {
            case null:
                return null;
            case YamlMappingNode m:
                return new YamlDocument(File, LineOffset, m);
            case var other:
                diagnostics.Add(Diagnostic.Error("RA103", File, LineOf(other), $"'{key}' must be a mapping"));
                return null;
        }
    }

    private IEnumerable<(string, string, int)> MapEntries(YamlMappingNode m, string key, ICollection<Diagnostic> diagnostics)
    {
        foreach (var (k, v) in m.Children)
        {
            if (k is YamlScalarNode { Value: { } ks } && v is YamlScalarNode { Value: { } vs })
            {
                yield return (ks, vs.Trim(), LineOf(k));
            }
            else
            {
                diagnostics.Add(Diagnostic.Error("RA103", File, LineOf(k), $"'{key}' entries must be 'name: value'"));
            }
        }
    }

    private ImmutableArray<(string, string, int)> Fail(YamlNode node, string key, ICollection<Diagnostic> diagnostics)
    {
        diagnostics.Add(Diagnostic.Error("RA103", File, LineOf(node), $"'{key}' must be a mapping"));
        return [];
    }

    private static string Clean(string message)
    {
        var paren = message.IndexOf("(Line:", StringComparison.Ordinal);
        return (paren > 0 ? message[..paren] : message).Trim().TrimEnd('.');
    }
}

/// <summary>The YAML parser's events, refused once collections nest deeper than <see cref="MaxDepth"/>: a document nested
/// thousands deep (<c>[[[[…</c>) costs the library time that grows with the square of its depth, and none of ours needs more than
/// a few levels. The events are checked as they are read, so such a document is refused after its first levels.</summary>
internal sealed class DepthLimit(IParser parser) : IParser
{
    public const int MaxDepth = 32;

    private int _depth;

    public YamlDotNet.Core.Events.ParsingEvent? Current => parser.Current;

    public bool MoveNext()
    {
        if (!parser.MoveNext())
        {
            return false;
        }

        switch (parser.Current)
        {
            case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++_depth > MaxDepth:
                throw new TooDeepException(parser.Current.Start);
            case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

/// <summary>A YAML document nested deeper than <see cref="DepthLimit.MaxDepth"/>, at the place the limit was passed.</summary>
internal sealed class TooDeepException(Mark start) : Exception("nested too deep")
{
    public Mark Start { get; } = start;
}
