using System.Security.Cryptography;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// The length and MD5 of the snapshot a position belongs to. A stream snapshot only ever grows by appending, so the
/// snapshot a position was written with is a byte prefix of any later one: <see cref="PrefixOf"/> finds it.
/// </summary>
internal sealed record SnapshotFingerprint(long Bytes, string Md5)
{
    /// <summary>The fingerprint of the whole file.</summary>
    public static SnapshotFingerprint Of(string path)
    {
        using var stream = File.OpenRead(path);
        return new SnapshotFingerprint(stream.Length, Hash(stream, stream.Length));
    }

    /// <summary>True when the first <see cref="Bytes"/> bytes of <paramref name="path"/> are the fingerprinted snapshot.</summary>
    public bool PrefixOf(string path)
    {
        using var stream = File.OpenRead(path);
        return stream.Length >= Bytes && Hash(stream, Bytes) == Md5;
    }

    private static string Hash(Stream stream, long length)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 16];
        for (long left = length; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) break;
            md5.AppendData(buffer, 0, read);
            left -= read;
        }
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }
}
