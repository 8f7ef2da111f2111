using System.IO.Compression;
using System.Security.Cryptography;

namespace Pipeline.Ml.Ingest.Streaming.Logs;

/// <summary>A log file found by the glob: plain or gzip-compressed (<c>.gz</c>), read as its uncompressed content.</summary>
internal sealed class LogFile
{
    public LogFile(string path)
    {
        Path = path;
        Name = System.IO.Path.GetFileName(path);
        Compressed = Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var info = new FileInfo(path);
        Modified = info.LastWriteTimeUtc;
        // NOTE: a plain file is read up to its length now (what exists when the read starts); a compressed one is closed.
        Length = Compressed ? long.MaxValue : info.Length;
        Identity = Compressed ? null : FileIdentity.Of(path);
    }

    public string Path { get; }

    public string Name { get; }

    public bool Compressed { get; }

    public DateTime Modified { get; }

    /// <summary>Uncompressed bytes to read up to (unbounded for a compressed file).</summary>
    public long Length { get; }

    public FileIdentity? Identity { get; }

    /// <summary>The uncompressed content.</summary>
    public Stream Open()
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        return Compressed ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The MD5 of the first <paramref name="bytes"/> uncompressed bytes, or null when the file is shorter.</summary>
    public string? HeadMd5(long bytes)
    {
        using var stream = Open();
        var buffer = new byte[bytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read < bytes ? null : Convert.ToHexStringLower(MD5.HashData(buffer));
    }
}
