using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pipeline.Ml.Ingest.Streaming.Logs;

/// <summary>
/// A file's identity on its file system (device and inode), which survives a rename (log rotation) but not a copy or
/// compression. Read with statx(2) on Linux; null elsewhere, where the head hash of <see cref="LogCursor"/> alone
/// recognises a file.
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode)
{
    private const int AtFdCwd = -100;
    private const uint StatxIno = 0x100;

    /// <summary>The identity of <paramref name="path"/>, or null when it cannot be read here.</summary>
    public static FileIdentity? Of(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        // NOTE: struct statx has one layout on every Linux architecture: stx_ino at byte 32, stx_dev_major/minor at 136/140.
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxIno, buffer) != 0) return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
        var major = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136));
        var minor = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
        return new FileIdentity(((ulong)major << 32) | minor, inode);
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
