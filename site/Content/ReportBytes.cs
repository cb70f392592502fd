using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ReportArchive.Build;
using ReportArchive.Output;

namespace ReportArchive.Content;

/// <summary>A parsed report in bytes, as <see cref="ContentFormat"/> keeps it: every field in a fixed order, strings as UTF-8
/// with their length; a language file's blocks apart from its head, so that they are read only when asked for.</summary>
internal static class ReportBytes
{
    /// <summary>A report's head: its fields, then each language file's front matter, figures, and sections' ids, headings and
    /// lines. Each language file's blocks (the lead's, then each section's) go to <paramref name="blocks"/>.</summary>
    internal static void Write(BinaryWriter writer, Report report, List<BlockBytes> blocks)
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

    internal static Report ReadReport(BinaryReader reader, BlockBytes[] blocks, Func<(Report?, List<Diagnostic>)>? again)
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
        Optional(writer, front.Paper);
        Optional(writer, front.Translator);
        Lines(writer, front.Drafts);
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
            Paper = Optional(reader),
            Translator = Optional(reader),
            Drafts = Lines(reader),
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
