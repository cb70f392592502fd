using System.Buffers;
using System.Buffers.Text;
using ReportArchive.Output;

namespace ReportArchive.Search;

/// <summary>A term's posting list as it grows, each record's entry as the index stores it (see <see cref="SearchIndex"/>). The integers are
/// kept as variable-length bytes (seven bits a byte; most are gaps and small counts, one or two bytes, where an int took four),
/// in blocks small enough to stay off the large object heap: one growing array per term made the collector copy and trace large
/// arrays again and again.</summary>
internal sealed class Posting(bool pair)
{
    private const int BlockSize = 1 << 14;
    private List<byte[]>? _blocks;
    private byte[] _block = new byte[16];
    private int _used;
    private int _last;

    /// <summary>How many bytes the list holds (its blocks' sizes).</summary>
    public long Bytes => ((_blocks?.Count ?? 0) * (long)BlockSize) + _block.Length;

    private void Append(int value)
    {
        var rest = (uint)value;
        while (true)
        {
            if (_used == _block.Length)
            {
                Grow();
            }

            if (rest < 0x80)
            {
                _block[_used++] = (byte)rest;
                return;
            }

            _block[_used++] = (byte)(rest | 0x80);
            rest >>= 7;
        }
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
            (_blocks ??= []).Add(_block);
            _block = new byte[BlockSize];
            _used = 0;
        }
    }

    /// <summary>Reads the integers in the order they were added, from the block and place a reader is at.</summary>
    private struct Reader(Posting posting)
    {
        private int _block;
        private int _at;

        public bool TryNext(out int value)
        {
            var (result, shift) = (0u, 0);
            while (true)
            {
                var full = posting._blocks is { } blocks && _block < blocks.Count;
                var block = full ? posting._blocks![_block] : posting._block;
                var length = full ? block.Length : posting._used;
                if (_at == length)
                {
                    if (!full)
                    {
                        value = 0;
                        return false;
                    }

                    (_block, _at) = (_block + 1, 0);
                    continue;
                }

                var b = block[_at++];
                result |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    value = (int)result;
                    return true;
                }

                shift += 7;
            }
        }
    }

    /// <summary>Adds a record's occurrences of the term (<c>term &lt;&lt; 32 | value</c>): positions for a pair, weights
    /// to sum otherwise.</summary>
    public void Add(int id, ReadOnlySpan<long> occurrences)
    {
        Append(id - _last);
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

    /// <summary>The integers as they were added (a record's: its id's gap, then its values).</summary>
    public List<int> Values()
    {
        var values = new List<int>();
        var reader = new Reader(this);
        while (reader.TryNext(out var value))
        {
            values.Add(value);
        }

        return values;
    }

    /// <summary>The term's entry in a shard, <c>"term":[…]</c> in UTF-8: the integers as they were added.</summary>
    public byte[] Entry(string term)
    {
        var output = Begin(term, (((_blocks?.Count ?? 0) * BlockSize) + _used) * 3);
        var values = new Reader(this);
        for (var first = true; values.TryNext(out var value); first = false)
        {
            Number(output, value, first);
        }

        return End(output);
    }

    /// <summary>An entry of the given integers, as <see cref="Entry(string)"/> writes them.</summary>
    public static byte[] Entry(string term, IEnumerable<int> values)
    {
        var output = Begin(term, 64);
        var first = true;
        foreach (var value in values)
        {
            Number(output, value, first);
            first = false;
        }

        return End(output);
    }

    private static ArrayBufferWriter<byte> Begin(string term, int size)
    {
        var output = new ArrayBufferWriter<byte>((term.Length * 3) + 8 + size);
        output.Write("\""u8);
        output.Write(OutputFile.Utf8.GetBytes(term));
        output.Write("\":["u8);
        return output;
    }

    private static void Number(ArrayBufferWriter<byte> output, int value, bool first)
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

    private static byte[] End(ArrayBufferWriter<byte> output)
    {
        output.Write("]"u8);
        return output.WrittenSpan.ToArray();
    }
}
