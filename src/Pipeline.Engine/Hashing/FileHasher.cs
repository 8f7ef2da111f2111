using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;
using Pipeline.Engine.Primitives;

namespace Pipeline.Engine.Hashing;

/// <summary>DVC 3 file hashing (docs/dvc-format.md §2.1): the plain md5 of the file bytes, read in large sequential chunks.</summary>
public static class FileHasher
{
    /// <summary>Read size; large enough that syscall overhead vanishes next to md5 itself.</summary>
    public const int ChunkSize = 1 << 20;

    /// <summary>Hashes the file at <paramref name="path"/> (symlinks followed).</summary>
    public static ContentHash Hash(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.SequentialScan);
        return Hash(handle);
    }

    /// <summary>Hashes everything readable from an open handle, from offset 0.</summary>
    public static ContentHash Hash(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(length + 1, 4096, ChunkSize));
        try
        {
            var first = RandomAccess.Read(handle, buffer, 0);
            // NOTE: a small file is read whole on the first call; the one-shot API skips the incremental state.
            if (first < buffer.Length && RandomAccess.Read(handle, buffer.AsSpan(first), first) == 0)
                return ContentHash.FromMd5Bytes(MD5.HashData(buffer.AsSpan(0, first)));

            using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            md5.AppendData(buffer, 0, first);
            long offset = first;
            int n;
            while ((n = RandomAccess.Read(handle, buffer, offset)) > 0)
            {
                md5.AppendData(buffer, 0, n);
                offset += n;
            }
            Span<byte> digest = stackalloc byte[16];
            md5.GetHashAndReset(digest);
            return ContentHash.FromMd5Bytes(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hashes a byte buffer (used for manifests and cache verification of small objects).</summary>
    public static ContentHash Hash(ReadOnlySpan<byte> bytes, bool directory = false) =>
        ContentHash.FromMd5Bytes(MD5.HashData(bytes), directory);
}
