using System.Collections.Concurrent;
using System.Text;

namespace ReportArchive.Output;

/// <summary>Reads what the program kept for itself (<see cref="SealedFile"/>, the content cache) from bytes in memory, each string
/// made in one step from the bytes (<see cref="BinaryReader.ReadString"/> builds a long string a piece at a time).</summary>
public static class KeptBytes
{
    /// <summary>A reader of <paramref name="bytes"/> for <see cref="Text"/>.</summary>
    public static BinaryReader Reader(ArraySegment<byte> bytes) =>
        new(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false, publiclyVisible: true), Encoding.UTF8);

    /// <summary>A string as <see cref="BinaryWriter"/> writes it (its length in UTF-8 bytes, then the bytes), from a reader made by
    /// <see cref="Reader"/>.</summary>
    public static string Text(BinaryReader reader) => Encoding.UTF8.GetString(Bytes(reader));

    /// <summary>The bytes of the next string of a reader made by <see cref="Reader"/>, and the reader moved past them.</summary>
    private static ReadOnlySpan<byte> Bytes(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        var stream = (MemoryStream)reader.BaseStream;
        var at = (int)stream.Position;
        if (length < 0 || at + length > stream.Length || !stream.TryGetBuffer(out var buffer))
        {
            throw new InvalidDataException("a string runs past the end of its bytes");
        }

        stream.Position = at + length;
        return buffer.AsSpan(at, length);
    }

    /// <summary>A string that many records repeat (a language key, a front matter key, a section id, a department), read as
    /// <see cref="Text"/> reads it but made once and shared: a build takes back tens of thousands of reports' heads.</summary>
    public static string Name(BinaryReader reader)
    {
        var bytes = Bytes(reader);
        if (bytes.Length > MaxName)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        Span<char> chars = stackalloc char[MaxName];
        var name = chars[..Encoding.UTF8.GetChars(bytes, chars)];
        if (Names.TryGetValue(name, out var known))
        {
            return known;
        }

        var made = name.ToString();
        return Names.Dictionary.Count < MaxNames ? Names.Dictionary.GetOrAdd(made, made) : made;
    }

    private const int MaxName = 48;
    private const int MaxNames = 1 << 14;
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Names =
        new ConcurrentDictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="offset"/> of an open file until it is full or the file
    /// ends; returns how many bytes it read.</summary>
    public static int ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var read = 0;
        while (read < buffer.Length && RandomAccess.Read(handle, buffer[read..], offset + read) is var n and > 0)
        {
            read += n;
        }

        return read;
    }
}
