using System.Security.Cryptography;
using System.Text;
using ReportArchive.Build;
using ReportArchive.Output;

namespace ReportArchive.Content;

/// <summary>How <see cref="ContentCache"/> writes a bundle as read (its report, or none, and its diagnostics) and a year's
/// file of them: every field of the parsed form, in a fixed order, strings as UTF-8 with their length. A bundle is kept in two
/// parts: its head (diagnostics, the report's fields, each language file's front matter, figures and sections' ids and
/// headings), and each language file's blocks (its lead's and its sections'), which are read only when asked for.</summary>
/// <remarks>A year's file: the length of its index (8 bytes), the index (the magic, the context, and each bundle's path, stamp, head,
/// and where its blocks are, with their length and a hash), a SHA-256 of the index, then every bundle's blocks. A build reads the
/// index, checked whole, and a language file's blocks when it asks for them, checked against their hash: a year's text is read only
/// where it is used. Blocks that are not as hashed are read again from the bundle's files.</remarks>
internal static class ContentFormat
{
    private const string Magic = "reportarchive-content-8";

    /// <summary>A kept bundle: its files' state (<c>FileState</c>: paths, sizes, times), its head, and where each language file's blocks are
    /// (no head: a bundle to be written from what was read).</summary>
    public sealed record Entry(string FileState, ArraySegment<byte>? Head, BlockBytes[] Blocks);

    /// <summary>Writes a year's file to <paramref name="output"/>: each entry as kept (its blocks copied from where they are), or made
    /// from the bundle read.</summary>
    public static void WriteEntries(Stream output, string context, IReadOnlyList<(string Bundle, Entry? Entry, (Report?, List<Diagnostic>) Read)> entries)
    {
        var parts = entries.Select(e => (e.Bundle, e.Entry!.FileState, Part: e.Entry.Head is { } head ? (head, e.Entry.Blocks) : Split(e.Read))).ToList();
        using var index = new MemoryStream();
        using (var writer = new BinaryWriter(index, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(context);
            writer.Write(parts.Count);
            var offset = 0L;
            foreach (var (bundle, stamp, (head, blocks)) in parts)
            {
                writer.Write(bundle);
                writer.Write(stamp);
                writer.Write(head.Count);
                writer.Write(head.AsSpan());
                writer.Write(blocks.Length);
                foreach (var block in blocks)
                {
                    writer.Write(offset);
                    writer.Write(block.Length);
                    writer.Write((ulong)(block.Hash >> 64));
                    writer.Write((ulong)block.Hash);
                    offset += block.Length;
                }
            }
        }

        var indexBytes = index.GetBuffer().AsSpan(0, (int)index.Length);
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, indexBytes.Length);
        output.Write(length);
        output.Write(indexBytes);
        output.Write(SHA256.HashData(indexBytes));
        CopyBlocks(output, [.. parts.SelectMany(p => p.Part.Blocks)]);
    }

    /// <summary>Writes the blocks: kept blocks are copied as they stand (each is checked against its hash when read), the runs that
    /// follow each other in the old file a megabyte at a time; blocks read anew are written from memory.</summary>
    private static void CopyBlocks(Stream output, List<BlockBytes> all)
    {
        var buffer = new byte[1 << 20];
        for (var i = 0; i < all.Count;)
        {
            if (all[i].File is not { } file)
            {
                output.Write(all[i].Memory);
                i++;
                continue;
            }

            var (start, end) = (all[i].Offset, all[i].Offset + all[i].Length);
            for (i++; i < all.Count && all[i].File == file && all[i].Offset == end; i++)
            {
                end += all[i].Length;
            }

            for (var at = start; at < end;)
            {
                var read = file.Read(buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - at)), at);
                if (read == 0)
                {
                    throw new IOException("a kept report's text could not be read to be kept again");
                }

                output.Write(buffer, 0, read);
                at += read;
            }
        }
    }

    /// <summary>Reads the index of a year's file open at <paramref name="file"/> into <paramref name="entries"/>; none when it was
    /// written under another context.</summary>
    public static void ReadEntries(KeptFile file, string context, Dictionary<string, Entry> entries)
    {
        var size = RandomAccess.GetLength(file.Handle);
        Span<byte> lengthBytes = stackalloc byte[8];
        var indexLength = file.Read(lengthBytes, 0) == 8 ? System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(lengthBytes) : -1;
        if (indexLength < 0 || 8 + indexLength + 32 > size)
        {
            throw new InvalidDataException("the file is damaged");
        }

        var index = new byte[indexLength + 32];
        if (file.Read(index, 8) != index.Length || !SHA256.HashData(index.AsSpan(0, (int)indexLength)).AsSpan().SequenceEqual(index.AsSpan((int)indexLength)))
        {
            throw new InvalidDataException("the file is damaged");
        }

        var blocksStart = 8 + indexLength + 32;
        using var reader = KeptBytes.Reader(new ArraySegment<byte>(index, 0, (int)indexLength));
        if (KeptBytes.Text(reader) != Magic || KeptBytes.Text(reader) != context)
        {
            return;
        }

        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var (bundle, stamp, length) = (KeptBytes.Text(reader), KeptBytes.Text(reader), reader.ReadInt32());
            var at = (int)reader.BaseStream.Position;
            if (length < 0 || at + length > indexLength)
            {
                throw new InvalidDataException("an entry runs past the end of the index");
            }

            reader.BaseStream.Position = at + length;
            var blocks = new BlockBytes[reader.ReadInt32()];
            for (var i = 0; i < blocks.Length; i++)
            {
                var (offset, blockLength, hash) = (reader.ReadInt64(), reader.ReadInt32(), new UInt128(reader.ReadUInt64(), reader.ReadUInt64()));
                blocks[i] = offset < 0 || blockLength < 0 || blocksStart + offset + blockLength > size
                    ? throw new InvalidDataException("a report's text runs past the end of the file")
                    : new BlockBytes(default, file, blocksStart + offset, blockLength, hash);
            }

            entries[bundle] = new Entry(stamp, new ArraySegment<byte>(index, at, length), blocks);
        }
    }

    /// <summary>A bundle in one piece (its head, then each language file's blocks, each with its length before it).</summary>
    public static byte[] WriteBundle((Report? Report, List<Diagnostic> Diagnostics) bundle)
    {
        var (head, blocks) = Split(bundle);
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(head.Count);
        writer.Write(head.AsSpan());
        writer.Write(blocks.Length);
        foreach (var block in blocks)
        {
            writer.Write(block.Length);
            writer.Write(block.Bytes()!);
        }

        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>A bundle written by <see cref="WriteBundle"/>.</summary>
    public static (Report?, List<Diagnostic>) ReadBundle(byte[] bytes)
    {
        using var reader = KeptBytes.Reader(bytes);
        var head = new ArraySegment<byte>(bytes, 4, reader.ReadInt32());
        reader.BaseStream.Position = 4 + head.Count;
        var blocks = new BlockBytes[reader.ReadInt32()];
        for (var i = 0; i < blocks.Length; i++)
        {
            var length = reader.ReadInt32();
            var at = (int)reader.BaseStream.Position;
            var memory = new ArraySegment<byte>(bytes, at, length);
            blocks[i] = new BlockBytes(memory, null, 0, length, OutputManifest.Hash(memory));
            reader.BaseStream.Position = at + length;
        }

        return ReadBundle(new Entry("", head, blocks), again: null);
    }

    /// <summary>A kept bundle: its diagnostics and its report, whose blocks are read when first asked for; when they are not as
    /// hashed, <paramref name="again"/> (reading the bundle from its files) gives them, or they cannot be read.</summary>
    public static (Report?, List<Diagnostic>) ReadBundle(Entry entry, Func<(Report?, List<Diagnostic>)>? again)
    {
        var bytes = entry.Head ?? throw new InvalidOperationException("a bundle to be written has no head to read");
        using var reader = KeptBytes.Reader(bytes);
        var diagnostics = new List<Diagnostic>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var severity = (Severity)reader.ReadByte();
            diagnostics.Add(new Diagnostic(Enum.IsDefined(severity) ? severity : throw new InvalidDataException("unknown severity"),
                KeptBytes.Text(reader), KeptBytes.Text(reader), reader.ReadInt32(), reader.ReadInt32(), KeptBytes.Text(reader)));
        }

        var report = reader.ReadBoolean() ? ReportBytes.ReadReport(reader, entry.Blocks, again) : null;
        if (reader.BaseStream.Position != bytes.Count)
        {
            throw new InvalidDataException("bytes left after the bundle");
        }

        return (report, diagnostics);
    }

    /// <summary>A bundle's head and each language file's blocks, as <see cref="Entry"/> keeps them.</summary>
    private static (ArraySegment<byte> Head, BlockBytes[] Blocks) Split((Report? Report, List<Diagnostic> Diagnostics) bundle)
    {
        using var stream = new MemoryStream();
        var blocks = new List<BlockBytes>();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(bundle.Diagnostics.Count);
            foreach (var d in bundle.Diagnostics)
            {
                writer.Write((byte)d.Severity);
                writer.Write(d.Code);
                writer.Write(d.File);
                writer.Write(d.Line);
                writer.Write(d.Column);
                writer.Write(d.Message);
            }

            writer.Write(bundle.Report is not null);
            if (bundle.Report is { } report)
            {
                ReportBytes.Write(writer, report, blocks);
            }
        }

        return (stream.ToArray(), [.. blocks]);
    }
}
