using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Pipeline.Engine.Caching;

/// <summary>
/// Copies a file into a new file, as a reflink (Linux FICLONE: shares blocks, instant) when the file system supports
/// it and as a plain byte copy otherwise (docs/dvc-format.md §4.2: link types <c>reflink, copy</c>).
/// </summary>
internal static partial class FileCloner
{
    // NOTE: FICLONE = _IOW(0x94, 9, int); the same number on every Linux architecture.
    private const uint Ficlone = 0x40049409;
    private const int ChunkSize = 1 << 20;
    private static volatile bool _reflinkUnavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Creates <paramref name="dest"/> (it must not exist; it gets the default mode, 0666 minus umask) holding the bytes
    /// of <paramref name="source"/>; with <paramref name="flushToDisk"/> they are on disk (fsync) before it returns.
    /// Returns true when the copy is a reflink.
    /// </summary>
    public static bool CloneOrCopy(string source, string dest, bool flushToDisk = false)
    {
        using var src = File.OpenHandle(source, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        using var dst = File.OpenHandle(dest, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var reflinked = TryReflink(src, dst);
        if (!reflinked) Copy(src, dst);
        if (flushToDisk) RandomAccess.FlushToDisk(dst);
        return reflinked;
    }

    private static bool TryReflink(SafeFileHandle src, SafeFileHandle dst)
    {
        if (_reflinkUnavailable) return false;
        try
        {
            // NOTE: fails with EOPNOTSUPP/EXDEV/EINVAL on ext4, overlayfs, tmpfs or across file systems: then copy.
            return ioctl((int)dst.DangerousGetHandle(), Ficlone, (int)src.DangerousGetHandle()) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _reflinkUnavailable = true;
            return false;
        }
    }

    private static void Copy(SafeFileHandle src, SafeFileHandle dst)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long offset = 0;
            int n;
            while ((n = RandomAccess.Read(src, buffer, offset)) > 0)
            {
                RandomAccess.Write(dst, buffer.AsSpan(0, n), offset);
                offset += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, int arg);
}
