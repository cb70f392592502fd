using System.Text.Json.Serialization;
using ReportArchive.Output;

namespace ReportArchive.Translations;

/// <summary><c>status --json</c>'s rows, written for a person on the terminal (<see cref="JsonTypes.Terminal"/>).</summary>
[JsonSerializable(typeof(List<StatusJson>))]
internal sealed partial class StatusJsonContext : JsonSerializerContext
{
    public static StatusJsonContext Terminal { get; } = new(JsonTypes.TerminalOptions);
}
