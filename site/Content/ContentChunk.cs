using System.Collections.Concurrent;
using ReportArchive.Build;
using ReportArchive.Sources;

namespace ReportArchive.Content;

/// <summary>The kept bundles of one year folder: as read from its file (each entry's bytes, parsed only when used), and
/// what this build did with each bundle it asked for.</summary>
internal sealed class ContentChunk
{
    private readonly Dictionary<string, ContentFormat.Entry> _stored;
    private readonly ConcurrentDictionary<string, Use> _used = new(StringComparer.Ordinal);
    private int _changed;

    private ContentChunk(Dictionary<string, ContentFormat.Entry> stored) => _stored = stored;

    /// <summary>An entry to keep as it is, or a bundle this build read (kept when saved, if its files are as they were
    /// when it was read and settled), or nothing to keep.</summary>
    private sealed record Use(ContentFormat.Entry? Entry, (string Files, DateTime Newest)? Read = null, (Report?, List<Diagnostic>) Result = default);

    public static ContentChunk Load(string path, string context, Action<string, string> damaged)
    {
        var stored = new Dictionary<string, ContentFormat.Entry>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(path))
            {
                // Kept open while a report reads its text from it: a build that writes the year's file again renames a new one into place.
                var file = new KeptFile(File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete));
                ContentFormat.ReadEntries(file, context, stored);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException)
        {
            stored.Clear(); // unreadable: every bundle of the year is read again
            damaged(path, e.Message.TrimEnd('.'));
        }

        return new ContentChunk(stored);
    }

    /// <summary>The bundle as kept, when its files are as they were; its text is read when first asked for, or, when it is not
    /// as kept, by <paramref name="again"/>.</summary>
    public bool TryGet(string bundle, string files, Func<(Report?, List<Diagnostic>)> again, out (Report?, List<Diagnostic>) kept)
    {
        kept = default;
        if (!_stored.TryGetValue(bundle, out var entry) || entry.FileState != files || entry.Head is null)
        {
            return false;
        }

        try
        {
            kept = ContentFormat.ReadBundle(entry, again);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
        {
            return false;
        }

        _used[bundle] = new Use(entry);
        return true;
    }

    /// <summary>The bundle's report as the file holds it, whatever its files are now; null when it holds none.</summary>
    public Report? Previous(string bundle)
    {
        try
        {
            return _stored.TryGetValue(bundle, out var entry) && entry.Head is not null ? ContentFormat.ReadBundle(entry, again: null).Item1 : null;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Records a bundle this build read, found as <paramref name="before"/> when it began (null: not to be kept).
    /// It is written when the cache is saved, beside the pages being made rather than before them.</summary>
    public void Put(string bundle, (string, DateTime)? before, (Report?, List<Diagnostic>) read)
    {
        _used[bundle] = new Use(null, before, read);
        Interlocked.Increment(ref _changed);
    }

    /// <summary>Writes the year's file when what it should hold changed: the entries this build used or read (a bundle read
    /// is kept only when its files are as they were when it was read and last changed before <paramref name="settled"/>),
    /// and the entries it did not ask for of bundles still there.</summary>
    public void Save(string path, string context, HashSet<string> expected, DateTime settled, Func<string, (string Files, DateTime Newest)?> fileState)
    {
        var kept = new List<(string Bundle, ContentFormat.Entry? Entry, (Report?, List<Diagnostic>) Read)>();
        foreach (var (bundle, use) in _used)
        {
            if (use.Entry is not null)
            {
                kept.Add((bundle, use.Entry, default));
            }
            else if (use.Read is { } before && fileState(bundle) is { } after && after.Files == before.Files && after.Newest < settled)
            {
                kept.Add((bundle, new ContentFormat.Entry(after.Files, null, []), use.Result));
            }
            else if (use.Read is { } read && use.Result.Item1 is not null)
            {
                // Not trusted to be as read by the next build (it reads the bundle again), but kept as what this build read:
                // the search index made from it is made again from it (see Previous).
                kept.Add((bundle, new ContentFormat.Entry(ContentCache.Unsettled + read.Files, null, []), use.Result));
            }
        }

        kept.AddRange(_stored.Where(s => !_used.ContainsKey(s.Key)).Select(s => (s.Key, (ContentFormat.Entry?)s.Value, default((Report?, List<Diagnostic>)))));
        kept.RemoveAll(k => !expected.Contains(k.Bundle));
        if (_changed == 0 && kept.Count == _stored.Count)
        {
            return; // every bundle as the file holds it
        }

        if (kept.Count == 0)
        {
            File.Delete(path);
            return;
        }

        kept.Sort((a, b) => string.CompareOrdinal(a.Bundle, b.Bundle));
        WholeFile.Write(path, file => ContentFormat.WriteEntries(file, context, kept));
    }
}
