using System.Security.Cryptography;
using System.Text;
using ReportArchive.Sources;

namespace ReportArchive.Output;

/// <summary>A file the program keeps for itself between builds (in the cache folder): a name that says what wrote it, the body,
/// and a SHA-256 of both after them, so that a file cut short, damaged or written by another program is read as no file. It is
/// written to a new file renamed into place: a killed build leaves the last good one or none.</summary>
public static class SealedFile
{
    /// <summary>Writes the file; false when it could not be written (then the caller goes on without it).</summary>
    public static bool Write(string path, string magic, Action<BinaryWriter> body) => Write(path, Bytes(magic, body));

    /// <summary>Writes a file's bytes made by <see cref="Bytes"/>; false when they could not be written.</summary>
    public static bool Write(string path, byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            WholeFile.Write(path, file => file.Write(bytes));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The bytes of a sealed file: the magic, the body, the hash of both.</summary>
    public static byte[] Bytes(string magic, Action<BinaryWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(magic);
            body(writer);
        }

        var length = (int)buffer.Length;
        buffer.Write(SHA256.HashData(buffer.GetBuffer().AsSpan(0, length)));
        return buffer.ToArray();
    }

    /// <summary>What <paramref name="body"/> reads from the file; null when there is none, or it is not whole, or another program
    /// (another magic) wrote it, or the body cannot read it.</summary>
    public static T? Read<T>(string path, string magic, Func<BinaryReader, T> body)
        where T : class
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 32 || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            {
                return null;
            }

            using var reader = KeptBytes.Reader(new ArraySegment<byte>(bytes, 0, bytes.Length - 32));
            return KeptBytes.Text(reader) == magic ? body(reader) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException or FormatException or InvalidDataException or OverflowException)
        {
            return null;
        }
    }
}
