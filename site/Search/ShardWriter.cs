using System.Buffers;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>Writes terms' entries, in sorted order, into shards, and remembers each shard's first term, which the table of contents
/// lists. A shard is cut before a term that would take it past the size limit (in characters), so a term with a long posting list
/// sits alone and a query for a rare term never pays for a common one; and, once it holds a quarter of the limit, before a term
/// that marks a cut (one in <see cref="Spacing"/>, by a hash of the term alone). So shards end where their terms say rather than
/// where the last one ended: an edit that changes a few terms' entries changes the shards that hold them, and the cuts after
/// them fall where they fell (cutting each shard as full as it could be made every shard after an edited term move).</summary>
internal sealed class ShardWriter(int shardBytes, Action<byte[]> put)
{
    /// <summary>One term in this many, by its hash, marks a cut. (In a large archive most shards hold a single term whose list is
    /// over the limit: at 10,000 reports of the fuller shape, 3,027 of 3,101.)</summary>
    public const int Spacing = 128;

    private readonly ArrayBufferWriter<byte> _shard = new(shardBytes * 2);
    private int _chars;

    public List<string> FirstTerms { get; } = [];

    /// <summary>The size (in characters) of each shard's first entry: with its first term, what says whether a shard is cut before
    /// it (<see cref="CutsBefore"/>) without reading it.</summary>
    public List<int> FirstChars { get; } = [];

    /// <summary>An entry's size in characters, as the limit counts it.</summary>
    public static int Chars(string term, byte[] entry) => entry.Length - OutputFile.Utf8.GetByteCount(term) + term.Length;

    /// <summary>Whether the next term, whose entry is <paramref name="chars"/> characters, starts a shard: the shard being filled
    /// is empty, or is cut before it.</summary>
    public bool CutsBefore(string term, int chars) =>
        _chars == 0 || _chars + chars > shardBytes || (_chars >= shardBytes / 4 && MarksCut(term));

    /// <summary>Adds a term's entry (<c>"term":[…]</c> in UTF-8).</summary>
    public void Add(string term, byte[] entry)
    {
        var chars = Chars(term, entry);
        if (CutsBefore(term, chars))
        {
            Cut();
            FirstTerms.Add(term);
            FirstChars.Add(chars);
        }

        _shard.Write(_chars == 0 ? "{"u8 : ","u8);
        _shard.Write(entry);
        _chars += 1 + chars;
    }

    /// <summary>Whether a term marks a cut: FNV-1a of its UTF-16 code units, the same on every machine and in every run.</summary>
    public static bool MarksCut(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % Spacing == 0;
    }

    /// <summary>Writes the shard being filled, if it has any term.</summary>
    public void Cut()
    {
        if (_chars > 0)
        {
            _shard.Write("}"u8);
            put(_shard.WrittenSpan.ToArray());
            _shard.ResetWrittenCount();
            _chars = 0;
        }
    }
}
