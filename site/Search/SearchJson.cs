using System.Text.Json.Serialization;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>The search index's table of contents as JSON, serialised as the index's other files are (<see cref="JsonTypes.Index"/>).</summary>
[JsonSerializable(typeof(IndexToc))]
internal sealed partial class SearchJson : JsonSerializerContext
{
    public static SearchJson Index { get; } = new(JsonTypes.IndexOptions);
}
