using System.Runtime.InteropServices;

namespace ReportArchive.Sources;

/// <summary>What one look at a path tells: its kind (a symbolic link at the end of it is not followed), size, modification time and
/// change time (ticks, UTC). On Linux it is one <c>statx</c> call where <see cref="FileInfo"/> makes two or three (a build over a
/// large site looks at tens of thousands of files, and each call counts), and it gives the change time, which no program can set
/// back as it can the modification time. Elsewhere it asks <see cref="FileInfo"/>, and the change time is unknown.</summary>
public readonly record struct FileStat(FileKind Kind, long Length, long Modified, long Changed)
{
    /// <summary>The change time when the system does not tell it: later than any time, so never taken as "unchanged since".</summary>
    public const long Unknown = long.MaxValue;

    private static readonly FileStat Missing = new(FileKind.Missing, 0, 0, Unknown);
    private static bool _statx = OperatingSystem.IsLinux();

    /// <summary>The path as it stands now.</summary>
    public static FileStat Of(string path)
    {
        if (_statx)
        {
            try
            {
                if (StatX(AtCurrentDirectory, path, AtSymlinkNoFollow, WantedFields, out var found) == 0)
                {
                    return new(KindOf(found.Mode), (long)found.Size, Ticks(found.ModifiedSeconds, found.ModifiedNanoseconds),
                        Ticks(found.ChangedSeconds, found.ChangedNanoseconds));
                }

                var error = Marshal.GetLastPInvokeError();
                if (error is NoEntry or NotDirectory)
                {
                    return Missing;
                }

                _statx = error is not (NotImplemented or NotPermitted); // an old kernel, or a sandbox that refuses the call
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                _statx = false;
            }
        }

        return Managed(path);
    }

    private static FileStat Managed(string path)
    {
        var info = new FileInfo(path);
        var attributes = info.Attributes; // all bits set when nothing is there
        return (int)attributes == -1 ? Missing
            : attributes.HasFlag(FileAttributes.ReparsePoint) ? new(FileKind.Link, 0, info.LastWriteTimeUtc.Ticks, Unknown)
            : attributes.HasFlag(FileAttributes.Directory) ? new(FileKind.Directory, 0, info.LastWriteTimeUtc.Ticks, Unknown)
            : new(FileKind.File, info.Length, info.LastWriteTimeUtc.Ticks, Unknown);
    }

    private static long Ticks(long seconds, uint nanoseconds) =>
        DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / TimeSpan.NanosecondsPerTick);

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.File,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Link,
        _ => FileKind.Other,
    };

    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint WantedFields = 0x1 /* type */ | 0x40 /* mtime */ | 0x80 /* ctime */ | 0x200 /* size */;
    private const int NotPermitted = 1;
    private const int NoEntry = 2;
    private const int NotDirectory = 20;
    private const int NotImplemented = 38;

    /// <summary>The fields of Linux's <c>struct statx</c> read here (the same layout on every architecture).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatXBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long ChangedSeconds;
        [FieldOffset(104)] public uint ChangedNanoseconds;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatXBuffer buffer);
}

/// <summary>What a path names, as <see cref="FileStat"/> found it.</summary>
public enum FileKind
{
    Missing,
    File,
    Directory,
    Link,
    Other,
}
