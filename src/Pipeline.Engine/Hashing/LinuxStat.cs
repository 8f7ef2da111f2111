using System.Runtime.InteropServices;

namespace Pipeline.Engine.Hashing;

/// <summary>
/// Linux <c>statx(2)</c> through libc, the one way to get a file's inode and ns timestamps from .NET.
/// <c>struct statx</c> has the same layout on every architecture, unlike <c>struct stat</c>.
/// </summary>
internal static partial class LinuxStat
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StructSize = 256;
    private const int ModeOffset = 28, InodeOffset = 32, SizeOffset = 40, CtimeOffset = 96, MtimeOffset = 112;
    private const ushort FileTypeMask = 0xF000, RegularFile = 0x8000;

    private static readonly Lazy<bool> Probe = new(ProbeStatx);

    /// <summary>True on Linux when libc exports <c>statx</c> (glibc 2.28+, musl 1.2.5+).</summary>
    public static bool IsAvailable => Probe.Value;

    /// <summary>Stats a path following symlinks; null when it is missing or not a regular file.</summary>
    public static unsafe FileStamp? Stat(string absPath)
    {
        var buf = stackalloc byte[StructSize];
        if (statx(AtFdCwd, absPath, 0, StatxBasicStats, buf) != 0) return null;
        var mode = *(ushort*)(buf + ModeOffset);
        if ((mode & FileTypeMask) != RegularFile) return null;
        return new FileStamp(*(ulong*)(buf + InodeOffset), Nanos(buf + MtimeOffset), *(long*)(buf + SizeOffset), Nanos(buf + CtimeOffset));
    }

    // NOTE: struct statx_timestamp is { __s64 tv_sec; __u32 tv_nsec; __s32 reserved; }.
    private static unsafe long Nanos(byte* ts) => *(long*)ts * 1_000_000_000L + *(uint*)(ts + 8);

    private static unsafe bool ProbeStatx()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var buf = stackalloc byte[StructSize];
            // NOTE: a kernel or sandbox without the syscall (ENOSYS) fails even on "/": then use the portable stamp.
            return statx(AtFdCwd, "/", 0, StatxBasicStats, buf) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int statx(int dirfd, string pathname, int flags, uint mask, byte* statxbuf);
}
