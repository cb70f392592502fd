using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using ReportArchive.Build;

namespace ReportArchive.Content;

/// <summary>How <see cref="ContentCache"/> writes a bundle as read (its report, or none, and its diagnostics) and a year's
/// file of them: every field of the parsed form, in a fixed order, strings as UTF-8 with their length. A year's file ends with
/// a SHA-256 of what comes before it, so that a file cut short or altered is refused whole.</summary>
internal static class ContentFormat
{
    private const string Magic = "reportarchive-content-3";

    /// <summary>A kept bundle: its files' <c>Stamp</c> (paths, sizes, times), and its bytes (null for a bundle to be written
    /// from what was read).</summary>
    public sealed record Entry(string Stamp, byte[]? Bytes);

    /// <summary>Writes a year's file to <paramref name="output"/>: each entry as kept, or made from the bundle read, a
    /// megabyte at a time through the hash that ends the file.</summary>
    public static void WriteEntries(Stream output, string context, IReadOnlyList<(string Bundle, Entry? Entry, (Report?, List<Diagnostic>) Read)> entries)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream(1 << 20);
        using var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true);
        using var bundle = new MemoryStream();
        void Flush()
        {
            writer.Flush();
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            hash.AppendData(bytes);
            output.Write(bytes);
            buffer.SetLength(0);
        }

        writer.Write(Magic);
        writer.Write(context);
        writer.Write(entries.Count);
        foreach (var (path, entry, read) in entries)
        {
            writer.Write(path);
            writer.Write(entry!.Stamp);
            if (entry.Bytes is { } kept)
            {
                writer.Write(kept.Length);
                writer.Write(kept);
            }
            else
            {
                bundle.SetLength(0);
                WriteBundle(bundle, read);
                writer.Write((int)bundle.Length);
                writer.Write(bundle.GetBuffer().AsSpan(0, (int)bundle.Length));
            }

            if (buffer.Length >= 1 << 20)
            {
                Flush();
            }
        }

        Flush();
        output.Write(hash.GetHashAndReset());
    }

    /// <summary>Adds the entries of a year's file to <paramref name="entries"/>; none when it was written under another context.</summary>
    public static void ReadEntries(byte[] file, string context, Dictionary<string, Entry> entries)
    {
        if (file.Length < 32 || !SHA256.HashData(file.AsSpan(0, file.Length - 32)).AsSpan().SequenceEqual(file.AsSpan(file.Length - 32)))
        {
            throw new InvalidDataException("the file is damaged");
        }

        using var reader = new BinaryReader(new MemoryStream(file, 0, file.Length - 32), Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadString() != context)
        {
            return;
        }

        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var (bundle, stamp) = (reader.ReadString(), reader.ReadString());
            entries[bundle] = new Entry(stamp, reader.ReadBytes(reader.ReadInt32()));
        }
    }

    public static byte[] WriteBundle((Report? Report, List<Diagnostic> Diagnostics) bundle)
    {
        using var stream = new MemoryStream();
        WriteBundle(stream, bundle);
        return stream.ToArray();
    }

    private static void WriteBundle(Stream stream, (Report? Report, List<Diagnostic> Diagnostics) bundle)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
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
            Write(writer, report);
        }

        writer.Flush();
    }

    public static (Report?, List<Diagnostic>) ReadBundle(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var diagnostics = new List<Diagnostic>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var severity = (Severity)reader.ReadByte();
            diagnostics.Add(new Diagnostic(Enum.IsDefined(severity) ? severity : throw new InvalidDataException("unknown severity"),
                reader.ReadString(), reader.ReadString(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadString()));
        }

        var report = reader.ReadBoolean() ? ReadReport(reader) : null;
        if (reader.BaseStream.Position != bytes.Length)
        {
            throw new InvalidDataException("bytes left after the bundle");
        }

        return (report, diagnostics);
    }

    private static void Write(BinaryWriter writer, Report report)
    {
        writer.Write(report.Directory);
        writer.Write(report.Slug);
        writer.Write(report.Date.DayNumber);
        writer.Write(report.DateInferred);
        Strings(writer, report.Departments);
        Strings(writer, report.Topics);
        writer.Write(report.Version);
        writer.Write(report.Files.Length);
        foreach (var translation in report.Files)
        {
            writer.Write(translation.Lang);
            writer.Write(translation.File);
            Write(writer, translation.Front);
            Blocks(writer, translation.Lead);
            writer.Write(translation.Sections.Length);
            foreach (var section in translation.Sections)
            {
                writer.Write(section.Id);
                writer.Write(section.Heading);
                writer.Write(section.Line);
                Blocks(writer, section.Blocks);
            }
        }
    }

    private static Report ReadReport(BinaryReader reader)
    {
        var (directory, slug, date, inferred) = (reader.ReadString(), reader.ReadString(), DateOnly.FromDayNumber(reader.ReadInt32()), reader.ReadBoolean());
        var (departments, topics, version) = (Strings(reader), Strings(reader), reader.ReadString());
        var files = ImmutableArray.CreateBuilder<Translation>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var (lang, file, front, lead) = (reader.ReadString(), reader.ReadString(), ReadFront(reader), Blocks(reader));
            var sections = ImmutableArray.CreateBuilder<Section>();
            for (var n = reader.ReadInt32(); n > 0; n--)
            {
                sections.Add(new Section(reader.ReadString(), reader.ReadString(), reader.ReadInt32(), Blocks(reader)));
            }

            files.Add(new Translation(lang, file, front, lead, sections.ToImmutable()));
        }

        return new Report(directory, slug, date, inferred, departments, topics, files.ToImmutable()) { Version = version };
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
        var translationOf = ImmutableArray.CreateBuilder<(string, string, int)>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            translationOf.Add((reader.ReadString(), reader.ReadString(), reader.ReadInt32()));
        }

        var lines = ImmutableDictionary.CreateBuilder<string, int>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            lines[reader.ReadString()] = reader.ReadInt32();
        }

        return new FrontMatter(title, subtitle, day < 0 ? null : DateOnly.FromDayNumber(day), inferred, byline, departments, topics, slug,
            translationOf.ToImmutable(), lines.ToImmutable())
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

    private static ImmutableArray<Block> Blocks(BinaryReader reader)
    {
        var blocks = ImmutableArray.CreateBuilder<Block>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            blocks.Add(reader.ReadByte() switch
            {
                ParagraphKind => Paragraph.Restore(reader.ReadInt32(), reader.ReadString(), Optional(reader)),
                FigureKind => new Figure(reader.ReadInt32(), reader.ReadString(), reader.ReadString()) { Credit = Optional(reader) },
                UntranslatedKind => new Untranslated(reader.ReadInt32(), reader.ReadString()),
                _ => throw new InvalidDataException("unknown block"),
            });
        }

        return blocks.ToImmutable();
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
        var values = ImmutableArray.CreateBuilder<string>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            values.Add(reader.ReadString());
        }

        return values.ToImmutable();
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
        var values = ImmutableArray.CreateBuilder<(string, int)>();
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            values.Add((reader.ReadString(), reader.ReadInt32()));
        }

        return values.ToImmutable();
    }

    private static void Optional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? Optional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
