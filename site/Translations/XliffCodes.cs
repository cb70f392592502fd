using System.Xml.Linq;

namespace ReportArchive.Translations;

/// <summary>Coded text in and out of XLIFF 2.0: tokens as <c>&lt;pc&gt;</c> and <c>&lt;ph&gt;</c> elements that refer to the
/// unit's <c>&lt;originalData&gt;</c>; and a target's elements (<c>&lt;pc&gt;</c>, <c>&lt;ph&gt;</c>, <c>&lt;sc&gt;</c>/<c>&lt;ec&gt;</c>,
/// <c>&lt;cp&gt;</c>, and <c>&lt;mrk&gt;</c> taken as its content) back into tokens, checked against the codes it must give back.</summary>
public static partial class XliffCodes
{
    private static readonly XNamespace Ns = XliffReader.Ns;

    /// <summary>A target's codes in the ids of the source's: each code of the target takes the id of the next code of the source of
    /// the same kind; one the source does not have keeps an id of its own (<c>t1</c>…).</summary>
    public static CodedText Aligned(CodedText target, CodedText source)
    {
        var used = new HashSet<string>();
        var ids = new Dictionary<string, string>();
        foreach (var code in target.Codes)
        {
            var match = source.Codes.FirstOrDefault(s => !used.Contains(s.Id) && s.Type == code.Type && s.SubType == code.SubType && s.Paired == code.Paired);
            ids[code.Id] = match?.Id ?? "t" + code.Id;
            used.Add(ids[code.Id]);
        }

        CodeToken Renamed(CodeToken token) => token switch
        {
            OpenToken open => new OpenToken(ids[open.Id]),
            CloseToken close => new CloseToken(ids[close.Id]),
            PlaceholderToken placeholder => new PlaceholderToken(ids[placeholder.Id]),
            _ => token,
        };

        return new CodedText([.. target.Tokens.Select(Renamed)], [.. target.Codes.Select(c => c with { Id = ids[c.Id] })]);
    }

    /// <summary>The content of a <c>&lt;source&gt;</c> or <c>&lt;target&gt;</c>: text, and each code referring to its Markdown in
    /// <paramref name="data"/> (value to data id, added to as codes are met).</summary>
    public static List<object> Content(CodedText text, Dictionary<string, string> data)
    {
        string Ref(string value)
        {
            if (!data.TryGetValue(value, out var id))
            {
                data[value] = id = "d" + (data.Count + 1);
            }

            return id;
        }

        var codes = text.Codes.ToDictionary(c => c.Id);
        var root = new XElement("root");
        var open = new Stack<XElement>();
        open.Push(root);
        foreach (var token in text.Tokens)
        {
            switch (token)
            {
                case TextToken t:
                    open.Peek().Add(new XText(t.Text));
                    break;
                case OpenToken o:
                    var code = codes[o.Id];
                    var pc = new XElement(Ns + "pc", new XAttribute("id", o.Id), new XAttribute("dataRefStart", Ref(code.Start)),
                        new XAttribute("dataRefEnd", Ref(code.End!)), new XAttribute("type", code.Type), code.SubType is { } sub ? new XAttribute("subType", sub) : null);
                    open.Peek().Add(pc);
                    open.Push(pc);
                    break;
                case CloseToken:
                    open.Pop();
                    break;
                case PlaceholderToken p:
                    var ph = codes[p.Id];
                    open.Peek().Add(new XElement(Ns + "ph", new XAttribute("id", p.Id), new XAttribute("dataRef", Ref(ph.Start)), new XAttribute("type", ph.Type),
                        ph.SubType is { } phSub ? new XAttribute("subType", phSub) : null, ph.Equiv is { } equiv ? new XAttribute("equiv", equiv) : null));
                    break;
            }
        }

        return [.. root.Nodes()];
    }

    /// <summary>The unit's <c>&lt;originalData&gt;</c>, or null when it has no code.</summary>
    public static XElement? OriginalData(Dictionary<string, string> data) =>
        data.Count == 0 ? null : new XElement(Ns + "originalData", data.OrderBy(d => int.Parse(d.Value[1..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(d => new XElement(Ns + "data", new XAttribute("id", d.Value), d.Key)));

    /// <summary>A target's content as tokens, or null with <paramref name="problem"/> when it holds an element no tool writes there.</summary>
    public static List<CodeToken>? Tokens(XElement target, out string? problem)
    {
        var tokens = new List<CodeToken>();
        problem = null;
        foreach (var node in target.Nodes())
        {
            if (!Add(node, tokens, ref problem))
            {
                return null;
            }
        }

        return tokens;
    }

    /// <summary>Whether an element's whitespace is kept as written (<c>xml:space="preserve"</c> on it or its nearest ancestor that says).</summary>
    public static bool Preserved(XElement element) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(XNamespace.Xml + "space")).FirstOrDefault(v => v is not null) == "preserve";

    /// <summary>A text node's text. Where whitespace is not kept as written, a line break and the indentation after it between
    /// the text and an inline code are a tool's indenting (one that wrote the file again): nothing beside a Chinese character,
    /// after an opening mark or before a closing one or a stop, and a space elsewhere.</summary>
    private static string Text(XText node)
    {
        var text = node.Value;
        if (node.Parent is null || Preserved(node.Parent))
        {
            return text;
        }

        if (node.NextNode is XElement && TrailingBreak().Match(text) is { Success: true } end)
        {
            text = text[..end.Index] + (end.Index > 0 && Tight(text[end.Index - 1], "“‘([{") ? "" : " ");
        }

        if (node.PreviousNode is XElement && LeadingBreak().Match(text) is { Success: true } start)
        {
            text = (start.Length < text.Length && Tight(text[start.Length], "”’)]},.;:!?") ? "" : " ") + text[start.Length..];
        }

        return text;
    }

    private static bool Tight(char c, string marks) => c >= '\u2E80' || marks.Contains(c);

    [System.Text.RegularExpressions.GeneratedRegex(@"[ \t]*[\r\n][ \t\r\n]*$")]
    private static partial System.Text.RegularExpressions.Regex TrailingBreak();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*[\r\n][ \t\r\n]*")]
    private static partial System.Text.RegularExpressions.Regex LeadingBreak();

    private static bool Add(XNode node, List<CodeToken> tokens, ref string? problem)
    {
        switch (node)
        {
            case XText text:
                tokens.Add(new TextToken(Text(text)));
                return true;
            case XElement { Name.LocalName: "cp" } cp when cp.Name.Namespace == Ns && int.TryParse((string?)cp.Attribute("hex"), System.Globalization.NumberStyles.HexNumber, null, out var hex) && hex is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF):
                tokens.Add(new TextToken(char.ConvertFromUtf32(hex)));
                return true;
            case XElement { Name.LocalName: "ph" } ph when ph.Name.Namespace == Ns:
                tokens.Add(new PlaceholderToken((string?)ph.Attribute("id") ?? ""));
                return true;
            case XElement { Name.LocalName: "sc" } sc when sc.Name.Namespace == Ns:
                tokens.Add(new OpenToken((string?)sc.Attribute("id") ?? ""));
                return true;
            case XElement { Name.LocalName: "ec" } ec when ec.Name.Namespace == Ns:
                tokens.Add(new CloseToken((string?)ec.Attribute("startRef") ?? (string?)ec.Attribute("id") ?? ""));
                return true;
            case XElement { Name.LocalName: "pc" or "mrk" } element when element.Name.Namespace == Ns:
                var pc = element.Name.LocalName == "pc" ? (string?)element.Attribute("id") ?? "" : null;
                if (pc is not null)
                {
                    tokens.Add(new OpenToken(pc));
                }

                foreach (var child in element.Nodes())
                {
                    if (!Add(child, tokens, ref problem))
                    {
                        return false;
                    }
                }

                if (pc is not null)
                {
                    tokens.Add(new CloseToken(pc));
                }

                return true;
            case XElement other:
                problem = $"holds <{other.Name.LocalName}>, which is no inline code this archive's units carry";
                return false;
            default:
                return true; // a comment or processing instruction: nothing a reader sees
        }
    }

    /// <summary>Why <paramref name="tokens"/> do not give back <paramref name="codes"/> (each exactly once, a paired code opened
    /// before it closes and closed inside what holds it), or null when they do.</summary>
    public static string? Mismatch(IReadOnlyList<CodeToken> tokens, IReadOnlyList<InlineCode> codes)
    {
        var byId = codes.ToDictionary(c => c.Id);
        var seen = new Dictionary<string, int>();
        var open = new Stack<string>();
        foreach (var token in tokens.Where(t => t is not TextToken))
        {
            var (id, kind) = token switch { OpenToken o => (o.Id, 0), CloseToken c => (c.Id, 1), PlaceholderToken p => (p.Id, 2), _ => ("", -1) };
            if (!byId.TryGetValue(id, out var code))
            {
                return $"it has a code (id '{id}') that its source does not";
            }

            if (code.Paired != (kind != 2) || (kind != 1 && (seen[id] = seen.GetValueOrDefault(id) + 1) > 1))
            {
                return $"it has {code.Describe()} {(code.Paired != (kind != 2) ? "in another form than its source's" : "twice")}";
            }

            if (kind == 0)
            {
                open.Push(id);
            }
            else if (kind == 1 && (open.Count == 0 || open.Pop() != id))
            {
                return $"it closes {code.Describe()} where it is not the last one opened";
            }
        }

        if (open.Count > 0)
        {
            return $"it opens {byId[open.Peek()].Describe()} and never closes it";
        }

        return codes.FirstOrDefault(c => !seen.ContainsKey(c.Id)) is { } missing ? $"it lost {missing.Describe()}, which its source has" : null;
    }
}
