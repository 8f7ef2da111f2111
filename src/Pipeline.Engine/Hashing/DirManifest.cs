using System.Text;
using System.Text.Json;
using Pipeline.Engine.Primitives;
using Pipeline.Engine.Serialization;

namespace Pipeline.Engine.Hashing;

/// <summary>One file of a directory manifest: its path relative to the directory ('/' separators) and its md5.</summary>
public sealed record DirEntry(string RelPath, ContentHash Md5);

/// <summary>A DVC <c>.dir</c> manifest (docs/dvc-format.md §3): entries sorted by relpath in code-point order.</summary>
public sealed class DirManifest
{
    private readonly DirEntry[] _entries;
    private byte[]? _bytes;
    private ContentHash? _hash;

    /// <summary>Builds a manifest; entries are sorted by relpath in code-point order.</summary>
    public DirManifest(IEnumerable<DirEntry> entries)
    {
        _entries = [.. entries];
        _entries.AsSpan().Sort((a, b) => CodePointComparer.Instance.Compare(a.RelPath, b.RelPath));
    }

    /// <summary>The entries in manifest order.</summary>
    public IReadOnlyList<DirEntry> Entries => _entries;

    /// <summary>The exact bytes DVC hashes and stores in the cache (Python json.dumps, sort_keys).</summary>
    public byte[] ToBytes() => (byte[])Bytes.Clone();

    /// <summary>md5 of <see cref="ToBytes"/> with the .dir suffix.</summary>
    public ContentHash Hash => _hash ??= FileHasher.Hash(Bytes, directory: true);

    private byte[] Bytes => _bytes ??= Serialize();

    /// <summary>Reads manifest bytes as stored in a <c>.dir</c> cache object; throws <see cref="FormatException"/> when they are not one.</summary>
    public static DirManifest Parse(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var entries = new List<DirEntry>();
            var reader = new Utf8JsonReader(bytes);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Expect(reader.TokenType == JsonTokenType.StartObject);
                string? md5 = null, relpath = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = reader.GetString();
                    reader.Read();
                    if (key == "md5") md5 = reader.GetString();
                    else if (key == "relpath") relpath = reader.GetString();
                    else reader.Skip();
                }
                Expect(md5 is not null && relpath is not null);
                CheckRelPath(relpath!);
                entries.Add(new DirEntry(relpath!, ContentHash.Parse(md5!)));
            }
            return new DirManifest(entries);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"Not a DVC .dir manifest: {e.Message}", e);
        }
    }

    /// <summary>
    /// A relpath names a file inside the directory: '/'-separated names, none empty, '.' or '..', and no '..' between
    /// backslashes either, so no platform can read it as a way out.
    /// </summary>
    private static void CheckRelPath(string relpath)
    {
        if (relpath.Split('/').Any(part => part is "" or "." or "..") || relpath.Split('/', '\\').Contains(".."))
            throw new FormatException($"Not a DVC .dir manifest: the entry relpath '{relpath}' does not name a file inside the directory (empty, '.' or '..' parts, or absolute).");
    }

    private static void Expect(bool condition)
    {
        if (!condition) throw new FormatException("Not a DVC .dir manifest: expected a JSON list of {\"md5\", \"relpath\"} objects.");
    }

    private byte[] Serialize()
    {
        var sb = new StringBuilder(_entries.Length * 64 + 2);
        sb.Append('[');
        for (var i = 0; i < _entries.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append("{\"md5\": \"").Append(_entries[i].Md5.Value).Append("\", \"relpath\": ");
            PythonJson.WriteString(sb, _entries[i].RelPath);
            sb.Append('}');
        }
        sb.Append(']');
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
