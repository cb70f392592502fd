using System.Text.Json;
using ReportArchive.Output;

namespace ReportArchive.Photos;

/// <summary>Encoded photos kept between builds in <c>.cache/photos/</c>, keyed by a hash of the source bytes and the settings,
/// so that an unchanged photo is never encoded twice. An entry appears whole or not at all.</summary>
public sealed class PhotoCache(string directory)
{
    private const string Manifest = "photo.json";

    public string EntryDirectory(string key) => Path.Combine(directory, "photos", key);

    public EncodedPhoto? TryGet(string key)
    {
        var manifest = Path.Combine(EntryDirectory(key), Manifest);
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            var photo = JsonSerializer.Deserialize(File.ReadAllText(manifest), PhotoJson.Default.EncodedPhoto);
            return photo is not null && photo.Variants.All(v => (v.JpegFile is null || File.Exists(Path.Combine(EntryDirectory(key), v.JpegFile))) && File.Exists(Path.Combine(EntryDirectory(key), v.WebpFile)))
                ? photo
                : null;
        }
        catch (JsonException)
        {
            return null; // a damaged entry is encoded again
        }
    }

    // One encoding per key at a time: two photos with the same bytes (x.jpg and a copy, x.jpeg) share an entry.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _gates = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="encode"/> into a private folder, then moves the finished entry into place; an entry another
    /// encoding of the same bytes finished first is taken as it is.</summary>
    public EncodedPhoto Add(string key, Func<string, EncodedPhoto> encode)
    {
        lock (_gates.GetOrAdd(key, _ => new object()))
        {
            return TryGet(key) ?? Encode(key, encode);
        }
    }

    private EncodedPhoto Encode(string key, Func<string, EncodedPhoto> encode)
    {
        var entry = EntryDirectory(key);
        var staging = $"{entry}.tmp-{Guid.NewGuid():N}";
        Directory.CreateDirectory(staging);
        try
        {
            var photo = encode(staging);
            File.WriteAllText(Path.Combine(staging, Manifest), JsonSerializer.Serialize(photo, PhotoJson.Default.EncodedPhoto));
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true); // a damaged entry
            }

            Directory.Move(staging, entry);
            return photo;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
