using System.Buffers;
using System.Buffers.Text;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>A term's posting list as it grows: records hold their length until the average length is known. The integers
/// live in blocks small enough to stay off the large object heap: one growing array per term made the collector copy and
/// trace large arrays again and again.</summary>
internal sealed class Posting(bool pair)
{
    private const int BlockBits = 12;
    private const int BlockSize = 1 << BlockBits;
    private readonly List<int[]> _blocks = [];
    private int[] _block = new int[16];
    private int _used;
    private int _count;
    private int _last;

    private int this[int index] => index >> BlockBits < _blocks.Count ? _blocks[index >> BlockBits][index & (BlockSize - 1)] : _block[index & (BlockSize - 1)];

    private void Append(int value)
    {
        if (_used == _block.Length)
        {
            Grow();
        }

        _block[_used++] = value;
        _count++;
    }

    /// <summary>The first block grows until it is full-sized; then full blocks are set aside and a new one started.</summary>
    private void Grow()
    {
        if (_block.Length < BlockSize)
        {
            Array.Resize(ref _block, Math.Min(BlockSize, _block.Length * 4));
        }
        else
        {
            _blocks.Add(_block);
            _block = new int[BlockSize];
            _used = 0;
        }
    }

    /// <summary>Adds a record's occurrences of the term (sorted <c>term &lt;&lt; 32 | value</c>): positions for a pair, weights
    /// to sum otherwise.</summary>
    public void Add(int id, int length, ReadOnlySpan<long> occurrences)
    {
        Append(id - _last);
        Append(length);
        _last = id;
        if (pair)
        {
            Append(occurrences.Length);
            var previous = 0;
            foreach (var o in occurrences)
            {
                var p = (int)(o & 0xFFFFFFFF);
                Append(p - previous);
                previous = p;
            }
        }
        else
        {
            var weighted = 0;
            foreach (var o in occurrences)
            {
                weighted += (int)(o & 0xFFFFFFFF);
            }

            Append(weighted);
        }
    }

    /// <summary>The term's entry in a shard, <c>"term":[…]</c> in UTF-8, the list as the index stores it: each record's length
    /// replaced by its norm, in eighths of the average.</summary>
    public byte[] Entry(string term, double averageLength)
    {
        var output = new ArrayBufferWriter<byte>(term.Length * 3 + 8 + _count * 4);
        output.Write("\""u8);
        output.Write(OutputFile.Utf8.GetBytes(term));
        output.Write("\":["u8);
        void Number(int value, bool first)
        {
            var span = output.GetSpan(12);
            var at = 0;
            if (!first)
            {
                span[at++] = (byte)',';
            }

            Utf8Formatter.TryFormat(value, span[at..], out var written);
            output.Advance(at + written);
        }

        for (var i = 0; i < _count;)
        {
            Number(this[i], i == 0);
            Number(Math.Clamp((int)Math.Round(8 * this[i + 1] / averageLength), 1, 63), false);
            var rest = pair ? 1 + this[i + 2] : 1;
            for (var k = 0; k < rest; k++)
            {
                Number(this[i + 2 + k], false);
            }

            i += 2 + rest;
        }

        output.Write("]"u8);
        return output.WrittenSpan.ToArray();
    }
}
