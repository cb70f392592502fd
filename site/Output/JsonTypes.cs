using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ReportArchive.Output;

/// <summary>The general types the program reads or writes as JSON, with their serialisation made when the program is compiled (no
/// reflection at run time: the program starts faster and compiles ahead of time), and the options of each kind of JSON file;
/// a stage's own types have a context of their own in its folder, made with these options. One instance per set of options.</summary>
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<int>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
// Structured data: a dictionary whose values are any of the types after it.
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class JsonTypes : JsonSerializerContext
{
    /// <summary>The search index's files: characters as they are (they are read by search.js, never placed in a page).</summary>
    public static JsonTypes Index { get; } = new(IndexOptions);

    /// <summary>The options of the search index's files (see <see cref="Index"/>).</summary>
    public static JsonSerializerOptions IndexOptions => new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Structured data inside a page's script element: markup characters escaped, Chinese kept as characters; null
    /// values left out.</summary>
    public static JsonTypes Page { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>What a person reads on the terminal (<c>status --json</c>): indented, snake_case keys.</summary>
    public static JsonTypes Terminal { get; } = new(TerminalOptions);

    /// <summary>The options of what a person reads on the terminal (see <see cref="Terminal"/>).</summary>
    public static JsonSerializerOptions TerminalOptions => new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
