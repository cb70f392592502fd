using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    private const string Magic = "reportarchive-content-6";

    /// <summary>A kept bundle: its files' <c>Stamp</c> (paths, sizes, times), its head, and where each language file's blocks are
    /// (no head: a bundle to be written from what was read).</summary>
    public sealed record Entry(string Stamp, ArraySegment<byte>? Head, BlockBytes[] Blocks);

    /// <summary>Writes a year's file to <paramref name="output"/>: each entry as kept (its blocks copied from where they are), or made
    /// from the bundle read.</summary>
    public static void WriteEntries(Stream output, string context, IReadOnlyList<(string Bundle, Entry? Entry, (Report?, List<Diagnostic>) Read)> entries)
    {
        var parts = entries.Select(e => (e.Bundle, e.Entry!.Stamp, Part: e.Entry.Head is { } head ? (head, e.Entry.Blocks) : Split(e.Read))).ToList();
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
        // Kept blocks are copied as they stand (each is checked against its hash when read), the runs that follow each other in
        // the old file a megabyte at a time; blocks read anew are written from memory.
        var buffer = new byte[1 << 20];
        var all = parts.SelectMany(p => p.Part.Blocks).ToList();
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

        var report = reader.ReadBoolean() ? ReadReport(reader, entry.Blocks, again) : null;
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
                Write(writer, report, blocks);
            }
        }

        return (stream.ToArray(), [.. blocks]);
    }

    /// <summary>A report's head: its fields, then each language file's front matter, figures, and sections' ids, headings and
    /// lines. Each language file's blocks (the lead's, then each section's) go to <paramref name="blocks"/>.</summary>
    private static void Write(BinaryWriter writer, Report report, List<BlockBytes> blocks)
    {
        writer.Write(report.Directory);
        writer.Write(report.Slug);
        writer.Write(report.Date.DayNumber);
        writer.Write(report.DateInferred);
        Strings(writer, report.Departments);
        Strings(writer, report.Topics);
        writer.Write(report.Files.Length);
        foreach (var translation in report.Files)
        {
            writer.Write(translation.Lang);
            writer.Write(translation.File);
            Write(writer, translation.Front);
            Blocks(writer, [.. translation.Figures]);
            writer.Write(translation.Sections.Length);
            foreach (var section in translation.Sections)
            {
                writer.Write(section.Id);
                writer.Write(section.Heading);
                writer.Write(section.Line);
            }

            using var part = new MemoryStream();
            using (var text = new BinaryWriter(part, Encoding.UTF8, leaveOpen: true))
            {
                Blocks(text, translation.Lead);
                foreach (var section in translation.Sections)
                {
                    Blocks(text, section.Blocks);
                }
            }

            var bytes = new ArraySegment<byte>(part.ToArray());
            blocks.Add(new BlockBytes(bytes, null, 0, bytes.Count, OutputManifest.Hash(bytes)));
        }
    }

    private static Report ReadReport(BinaryReader reader, BlockBytes[] blocks, Func<(Report?, List<Diagnostic>)>? again)
    {
        var (directory, slug, date, inferred) = (KeptBytes.Text(reader), KeptBytes.Text(reader), DateOnly.FromDayNumber(reader.ReadInt32()), reader.ReadBoolean());
        var (departments, topics) = (Strings(reader), Strings(reader));
        var files = ImmutableArray.CreateBuilder<Translation>();
        var count = reader.ReadInt32();
        if (count != blocks.Length)
        {
            throw new InvalidDataException("a report's language files and their text do not match");
        }

        for (var i = 0; i < count; i++)
        {
            var (lang, file, front) = (KeptBytes.Name(reader), KeptBytes.Text(reader), ReadFront(reader));
            var figures = Blocks(reader).OfType<Figure>().ToImmutableArray();
            var outline = new (string Id, string Heading, int Line)[Count(reader)];
            for (var n = 0; n < outline.Length; n++)
            {
                outline[n] = (KeptBytes.Name(reader), KeptBytes.Text(reader), reader.ReadInt32());
            }

            var which = i;
            var source = new BlockSource(blocks[i], outline.Length, again is null ? null : () => again().Item1 is { } read && which < read.Files.Length
                && read.Files[which].Sections.Length == outline.Length
                    ? (read.Files[which].Lead, [.. read.Files[which].Sections.Select(s => s.Blocks)])
                    : throw new InvalidDataException($"the text of {directory} changed since it was kept"));
            files.Add(new Translation(lang, file, front, [.. outline.Select((s, n) => new Section(s.Id, s.Heading, s.Line, source, n))], figures, source));
        }

        return new Report(directory, slug, date, inferred, departments, topics, files.ToImmutable());
    }

    private static void Write(BinaryWriter writer, FrontMatter front)
    {
        Optional(writer, front.Title);
        Optional(writer, front.Subtitle);
        writer.Write(front.Date?.DayNumber ?? -1);
        writer.Write(front.DateInferred);
        Optional(writer, front.Byline);
        Lines(writer, front.Departments);
        Lines(writer, front.Topics);
        Optional(writer, front.Slug);
        writer.Write(front.TranslationOf.Length);
        foreach (var (key, value, line) in front.TranslationOf)
        {
            writer.Write(key);
            writer.Write(value);
            writer.Write(line);
        }

        writer.Write(front.Lines.Count);
        foreach (var (key, line) in front.Lines.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(line);
        }

        Optional(writer, front.Kicker);
        Optional(writer, front.Page);
    }

    private static FrontMatter ReadFront(BinaryReader reader)
    {
        var (title, subtitle, day, inferred, byline) = (Optional(reader), Optional(reader), reader.ReadInt32(), reader.ReadBoolean(), Optional(reader));
        var (departments, topics, slug) = (Lines(reader), Lines(reader), Optional(reader));
        var translationOf = new (string, string, int)[Count(reader)];
        for (var i = 0; i < translationOf.Length; i++)
        {
            translationOf[i] = (KeptBytes.Name(reader), KeptBytes.Text(reader), reader.ReadInt32());
        }

        var count = Count(reader);
        var lines = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (; count > 0; count--)
        {
            lines[KeptBytes.Name(reader)] = reader.ReadInt32();
        }

        return new FrontMatter(title, subtitle, day < 0 ? null : DateOnly.FromDayNumber(day), inferred, byline, departments, topics, slug,
            ImmutableCollectionsMarshal.AsImmutableArray(translationOf), lines)
        {
            Kicker = Optional(reader),
            Page = Optional(reader),
        };
    }

    private const byte ParagraphKind = 1;
    private const byte FigureKind = 2;
    private const byte UntranslatedKind = 3;

    private static void Blocks(BinaryWriter writer, ImmutableArray<Block> blocks)
    {
        writer.Write(blocks.Length);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Paragraph p:
                    writer.Write(ParagraphKind);
                    writer.Write(p.Line);
                    writer.Write(p.Text);
                    Optional(writer, p.OwnHtml);
                    break;
                case Figure f:
                    writer.Write(FigureKind);
                    writer.Write(f.Line);
                    writer.Write(f.Source);
                    writer.Write(f.Caption);
                    Optional(writer, f.Credit);
                    break;
                case Untranslated u:
                    writer.Write(UntranslatedKind);
                    writer.Write(u.Line);
                    writer.Write(u.Original);
                    break;
                default:
                    throw new InvalidOperationException("unknown block " + block.GetType().Name);
            }
        }
    }

    internal static ImmutableArray<Block> Blocks(BinaryReader reader)
    {
        var blocks = new Block[Count(reader)];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = reader.ReadByte() switch
            {
                ParagraphKind => Paragraph.Restore(reader.ReadInt32(), KeptBytes.Text(reader), Optional(reader)),
                FigureKind => new Figure(reader.ReadInt32(), KeptBytes.Text(reader), KeptBytes.Text(reader)) { Credit = Optional(reader) },
                UntranslatedKind => new Untranslated(reader.ReadInt32(), KeptBytes.Text(reader)),
                _ => throw new InvalidDataException("unknown block"),
            };
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(blocks);
    }

    /// <summary>A count written before the items it counts, checked against what is left to read (each item takes a byte at
    /// least), so that damaged bytes never ask for a huge array.</summary>
    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new InvalidDataException("a count runs past the end of its bytes");
    }

    private static void Strings(BinaryWriter writer, ImmutableArray<string> values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static ImmutableArray<string> Strings(BinaryReader reader)
    {
        var values = new string[Count(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = KeptBytes.Name(reader);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static void Lines(BinaryWriter writer, ImmutableArray<(string Value, int Line)> values)
    {
        writer.Write(values.Length);
        foreach (var (value, line) in values)
        {
            writer.Write(value);
            writer.Write(line);
        }
    }

    private static ImmutableArray<(string, int)> Lines(BinaryReader reader)
    {
        var values = new (string, int)[Count(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (KeptBytes.Name(reader), reader.ReadInt32());
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(values);
    }

    private static void Optional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? Optional(BinaryReader reader) => reader.ReadBoolean() ? KeptBytes.Text(reader) : null;
}

/// <summary>Where a language file's blocks are kept: in memory, or in a year's file at an offset; their length and a hash of them.</summary>
internal readonly record struct BlockBytes(ArraySegment<byte> Memory, KeptFile? File, long Offset, int Length, UInt128 Hash)
{
    /// <summary>The bytes, when they are as hashed; null when they are not, or cannot be read.</summary>
    public byte[]? Bytes()
    {
        if (File is null)
        {
            return [.. Memory];
        }

        try
        {
            var bytes = new byte[Length];
            return File.Read(bytes, Offset) == Length && OutputManifest.Hash(bytes) == Hash ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            return null;
        }
    }
}

/// <summary>A year's file of the content cache, open for reading the blocks it keeps: a build that replaces the file leaves this
/// one readable (it is open), and the handle is let go with the last report that reads from it.</summary>
internal sealed class KeptFile(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
{
    public Microsoft.Win32.SafeHandles.SafeFileHandle Handle => handle;

    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="offset"/>; returns how many bytes it read.</summary>
    public int Read(Span<byte> buffer, long offset) => KeptBytes.ReadAt(handle, buffer, offset);
}

/// <summary>The blocks of a language file as kept (its lead's, then each section's), read the first time any is asked for; when
/// they are not as hashed, read again from the bundle's files.</summary>
internal sealed class BlockSource(BlockBytes bytes, int sections, Func<(ImmutableArray<Block> Lead, ImmutableArray<Block>[] Sections)>? again)
{
    private Blocks? _read;
    private readonly Lock _gate = new();

    public ImmutableArray<Block> Lead => Read().Lead;

    public ImmutableArray<Block> Section(int index) => Read().Sections[index];

    private Blocks Read()
    {
        if (Volatile.Read(ref _read) is { } read)
        {
            return read;
        }

        lock (_gate)
        {
            if (_read is null)
            {
                if (bytes.Bytes() is { } kept)
                {
                    using var reader = KeptBytes.Reader(kept);
                    var lead = ContentFormat.Blocks(reader);
                    var all = new ImmutableArray<Block>[sections];
                    for (var i = 0; i < all.Length; i++)
                    {
                        all[i] = ContentFormat.Blocks(reader);
                    }

                    Volatile.Write(ref _read, new Blocks(lead, all));
                }
                else
                {
                    var (lead, all) = again?.Invoke() ?? throw new InvalidDataException("a kept report's text is damaged");
                    Volatile.Write(ref _read, new Blocks(lead, all));
                }
            }

            return _read;
        }
    }

    private sealed record Blocks(ImmutableArray<Block> Lead, ImmutableArray<Block>[] Sections);
}
