using ReportArchive.Configuration;
using ReportArchive.Content;

namespace ReportArchive.Search;

/// <summary>Where text stands in a record, and how much a match there counts towards its rank.</summary>
public enum Field
{
    Body = 0,
    Caption = 1,
    Heading = 2,
    Title = 3,
}

/// <summary>One searchable unit: the head of a report in one language (title, subtitle, byline, lead) or one of its sections.
/// Its id is <c>group &lt;&lt; shift | index</c>: a group is one report in one language, index 0 its head, 1.. its sections,
/// so that a result's report is known from its id without fetching anything.</summary>
public sealed record SearchRecord(int Id, int Group, Report Report, string Lang, Section? Section)
{
    private IReadOnlyList<(Field Field, string Text)>? _fields;

    /// <summary>The record's text, field by field: made when first asked for (a build that takes its index from the last one asks
    /// only for the changed reports' text).</summary>
    public IReadOnlyList<(Field Field, string Text)> Fields
    {
        get => _fields ??= Section is null ? Head(Report.In(Lang)!) : Body(Section);
        init => _fields = value;
    }

    public static int Weight(Field field) => field switch
    {
        Field.Title => 5,
        Field.Heading => 3,
        Field.Caption => 2,
        _ => 1,
    };

    /// <summary>The records of an archive, the languages in their order (the original first), each language latest first; and the shift that makes their ids.</summary>
    /// <remarks>A section's index is its place among the original's sections, which is its place on every language's page (a
    /// section not translated yet keeps its place there, with a note): search.js finds a record's text on the page by it.</remarks>
    public static (List<SearchRecord> Records, int Shift) From(IReadOnlyList<Report> latestFirst, LanguageSet languages)
    {
        var most = latestFirst.Select(r => r.Original.Sections.Length).DefaultIfEmpty(0).Max();
        var shift = 1;
        while ((1 << shift) <= most)
        {
            shift++;
        }

        var records = new List<SearchRecord>();
        var group = 0;
        foreach (var lang in languages.Keys)
        {
            foreach (var report in latestFirst)
            {
                if (report.In(lang) is not { } translation)
                {
                    continue;
                }

                records.Add(new SearchRecord(group << shift, group, report, lang, null));
                for (var i = 0; i < report.Original.Sections.Length; i++)
                {
                    // A section whose heading is not translated yet is not published: nothing to find in it or to link to.
                    if (translation.Section(report.Original.Sections[i].Id) is { } section)
                    {
                        records.Add(new SearchRecord((group << shift) | (i + 1), group, report, lang, section));
                    }
                }

                group++;
            }
        }

        return (records, shift);
    }

    /// <summary>The fields of the record a report has at <paramref name="index"/> (0 its head, 1.. its sections) in a language;
    /// null when it has none there.</summary>
    public static IReadOnlyList<(Field Field, string Text)>? FieldsOf(Report report, string lang, int index)
    {
        if (report.In(lang) is not { } translation)
        {
            return null;
        }

        return index == 0 ? Head(translation)
            : index <= report.Original.Sections.Length && translation.Section(report.Original.Sections[index - 1].Id) is { } section ? Body(section)
            : null;
    }

    /// <summary>A hash of a record's fields (each field's kind, length and text): equal hashes, equal entries in the index.</summary>
    public static UInt128 Hash(IReadOnlyList<(Field Field, string Text)> fields)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        Span<byte> head = stackalloc byte[8];
        foreach (var (field, text) in fields)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(head, (int)field);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(head[4..], text.Length);
            hash.AppendData(head);
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
        }

        Span<byte> result = stackalloc byte[32];
        hash.GetHashAndReset(result);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(result);
    }

    private static List<(Field, string)> Head(Translation t)
    {
        var fields = new List<(Field, string)> { (Field.Title, t.Title) };
        if (t.Front.Subtitle is { } subtitle)
        {
            fields.Add((Field.Title, subtitle));
        }

        if (t.Front.Byline is { } byline)
        {
            fields.Add((Field.Body, byline));
        }

        return [.. fields, .. Blocks(t.Lead)];
    }

    private static List<(Field, string)> Body(Section section) => [(Field.Heading, section.Heading), .. Blocks(section.Blocks)];

    private static IEnumerable<(Field, string)> Blocks(IEnumerable<Block> blocks) => blocks.Where(b => b is not Untranslated).Select(b => b switch
    {
        Paragraph p => (Field.Body, p.Text),
        Figure f => (Field.Caption, f.Caption),
        _ => throw new InvalidOperationException("unknown block " + b.GetType().Name),
    });
}
