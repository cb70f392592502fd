using System.Buffers;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>Writes terms' entries, in sorted order, into shards: a shard is cut before the term that would take it past the
/// size limit (in characters), so a term with a long posting list sits alone and a query for a rare term never pays for a
/// common one. Remembers each shard's first term, which the table of contents lists.</summary>
internal sealed class ShardWriter(int shardBytes, Action<string, byte[]> put)
{
    private readonly ArrayBufferWriter<byte> _shard = new(shardBytes * 2);
    private int _chars;

    public List<string> FirstTerms { get; } = [];

    /// <summary>Adds a term's entry (<c>"term":[…]</c> in UTF-8).</summary>
    public void Add(string term, byte[] entry)
    {
        var chars = entry.Length - OutputFile.Utf8.GetByteCount(term) + term.Length;
        if (_chars > 0 && _chars + chars > shardBytes)
        {
            Cut();
        }

        if (_chars == 0)
        {
            FirstTerms.Add(term);
        }

        _shard.Write(_chars == 0 ? "{"u8 : ","u8);
        _shard.Write(entry);
        _chars += 1 + chars;
    }

    /// <summary>Writes the shard being filled, if it has any term.</summary>
    public void Cut()
    {
        if (_chars > 0)
        {
            _shard.Write("}"u8);
            put(IndexFormat.Shard(FirstTerms.Count - 1), _shard.WrittenSpan.ToArray());
            _shard.ResetWrittenCount();
            _chars = 0;
        }
    }
}
