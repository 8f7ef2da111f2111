using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.IO;

namespace Pipeline.Engine.Hashing;

/// <summary>The state file: a compact binary body followed by its md5, written to a temp file and renamed.</summary>
internal sealed partial class StateCache
{
    private static readonly byte[] Magic = "PESTATE1"u8.ToArray();
    private const int DigestSize = 16;

    private static ConcurrentDictionary<string, StateEntry> ReadFile(string file)
    {
        var entries = new ConcurrentDictionary<string, StateEntry>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return entries;
        }
        // NOTE: any damage (truncation, bit flips, old format) yields an empty cache: it only costs re-hashing.
        if (bytes.Length < Magic.Length + 4 + DigestSize) return entries;
        var body = bytes.AsSpan(0, bytes.Length - DigestSize);
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic) || !MD5.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length))) return entries;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, body.Length - Magic.Length), Encoding.UTF8);
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var path = reader.ReadString();
                var stamp = new FileStamp(reader.ReadUInt64(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
                var hash = ContentHash.FromMd5Bytes(reader.ReadBytes(DigestSize));
                entries[path] = new StateEntry(stamp, hash);
            }
            return entries;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return new ConcurrentDictionary<string, StateEntry>(StringComparer.Ordinal);
        }
    }

    private static void WriteFile(string file, ConcurrentDictionary<string, StateEntry> entries)
    {
        var snapshot = entries.ToArray();
        var body = new MemoryStream(snapshot.Length * 96 + 32);
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(snapshot.Length);
            Span<byte> md5 = stackalloc byte[DigestSize];
            foreach (var (path, entry) in snapshot)
            {
                writer.Write(path);
                writer.Write(entry.Stamp.Inode);
                writer.Write(entry.Stamp.MtimeNs);
                writer.Write(entry.Stamp.Size);
                writer.Write(entry.Stamp.CtimeNs);
                Convert.FromHexString(entry.Hash.Md5, md5, out _, out _);
                writer.Write(md5);
            }
        }
        var payload = body.GetBuffer().AsSpan(0, (int)body.Length);
        using var target = new AtomicFile(file);
        using (var stream = new FileStream(target.TempPath, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(payload);
            stream.Write(MD5.HashData(payload));
        }
        target.Commit();
    }
}
