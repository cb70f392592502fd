using System.Text.Json.Serialization;

namespace ReportArchive.Photos;

/// <summary>What the photo cache keeps of an encoded photo, as JSON.</summary>
[JsonSerializable(typeof(EncodedPhoto))]
internal sealed partial class PhotoJson : JsonSerializerContext
{
}
