using System.Collections.Immutable;
using ReportArchive.Output;

namespace ReportArchive.Content;

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
                    var lead = ReportBytes.Blocks(reader);
                    var all = new ImmutableArray<Block>[sections];
                    for (var i = 0; i < all.Length; i++)
                    {
                        all[i] = ReportBytes.Blocks(reader);
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
