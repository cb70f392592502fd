using ReportArchive.Content;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>A report of the last index: its folder, and its files' state when it was read (see <see cref="Report.FileState"/>).</summary>
internal sealed record KeptReport(string Directory, string? FileState);

internal readonly record struct KeptRecord(int Report, string Lang, int Id, int Length, UInt128 Hash);

internal sealed record IndexState(string Context, int ShardBytes, byte[] TocHash, int Shift, KeptReport[] Reports, KeptRecord[] Records, int[] FirstChars)
{
    public static IndexState Read(BinaryReader reader)
    {
        var (context, shardBytes) = (KeptBytes.Text(reader), reader.ReadInt32());
        var tocHash = reader.ReadBytes(32);
        var shift = reader.ReadInt32();
        var reports = new KeptReport[reader.ReadInt32()];
        for (var i = 0; i < reports.Length; i++)
        {
            var (directory, stamp) = (KeptBytes.Text(reader), KeptBytes.Text(reader));
            reports[i] = new KeptReport(directory, stamp.Length > 0 ? stamp : null);
        }

        var languages = new string[reader.ReadInt32()];
        for (var i = 0; i < languages.Length; i++)
        {
            languages[i] = KeptBytes.Text(reader);
        }

        var records = new KeptRecord[reader.ReadInt32()];
        for (var i = 0; i < records.Length; i++)
        {
            var (report, lang, id, length) = (reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt());
            records[i] = new KeptRecord(report, languages[lang], id, length, new UInt128(reader.ReadUInt64(), reader.ReadUInt64()));
        }

        var firstChars = new int[reader.ReadInt32()];
        for (var i = 0; i < firstChars.Length; i++)
        {
            firstChars[i] = reader.Read7BitEncodedInt();
        }

        return new IndexState(context, shardBytes, tocHash, shift, reports, records, firstChars);
    }

    /// <summary>What an index was made from, as <see cref="Read"/> reads it back.</summary>
    public static void Write(BinaryWriter writer, string context, byte[] tocHash, List<SearchRecord> records, int shift, int shardBytes, RecordMark[] marks, List<ShardMark> shards)
    {
        var reports = new Dictionary<Report, int>(ReferenceEqualityComparer.Instance);
        var order = new List<Report>();
        var languages = records.Select(r => r.Lang).Distinct().ToList();
        writer.Write(context);
        writer.Write(shardBytes);
        writer.Write(tocHash);
        writer.Write(shift);
        foreach (var record in records)
        {
            if (!reports.ContainsKey(record.Report))
            {
                reports[record.Report] = order.Count;
                order.Add(record.Report);
            }
        }

        writer.Write(order.Count);
        foreach (var report in order)
        {
            writer.Write(report.Directory);
            writer.Write(report.FileState ?? "");
        }

        writer.Write(languages.Count);
        languages.ForEach(writer.Write);
        writer.Write(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            writer.Write7BitEncodedInt(reports[records[i].Report]);
            writer.Write7BitEncodedInt(languages.IndexOf(records[i].Lang));
            writer.Write7BitEncodedInt(records[i].Id);
            writer.Write7BitEncodedInt(marks[i].Length);
            writer.Write((ulong)(marks[i].Hash >> 64));
            writer.Write((ulong)marks[i].Hash);
        }

        writer.Write(shards.Count);
        shards.ForEach(s => writer.Write7BitEncodedInt(s.FirstChars));
    }
}
