using System.Text.Json.Nodes;

namespace Pipeline.Ml.Ingest.Streaming.Logs;

/// <summary>
/// How far one log file was read: its name when read, its <see cref="FileIdentity"/>, the byte <see cref="Offset"/>
/// after the last complete line (in the uncompressed content), the lines up to there, and the MD5 of its first
/// <see cref="HeadBytes"/> bytes, which recognises the file after a rename or gzip and tells a truncated or replaced
/// file (same inode, other content) from the one that was read.
/// </summary>
internal sealed record LogCursor(string Name, FileIdentity? Identity, long Offset, long Lines, long HeadBytes, string HeadMd5)
{
    /// <summary>Bytes hashed for <see cref="HeadMd5"/> (fewer when the file was shorter).</summary>
    public const int HeadLength = 1024;

    /// <summary>The cursor's JSON form in position.json.</summary>
    public JsonNode ToJson()
    {
        var node = new JsonObject { ["name"] = Name };
        if (Identity is { } identity)
        {
            node["device"] = identity.Device;
            node["inode"] = identity.Inode;
        }
        node["offset"] = Offset;
        node["lines"] = Lines;
        node["head_bytes"] = HeadBytes;
        node["head_md5"] = HeadMd5;
        return node;
    }

    /// <summary>Reads the JSON form.</summary>
    public static LogCursor FromJson(JsonNode node) => new(
        node["name"]!.GetValue<string>(),
        node["inode"] is { } inode ? new FileIdentity(node["device"]!.GetValue<ulong>(), inode.GetValue<ulong>()) : null,
        node["offset"]!.GetValue<long>(),
        node["lines"]!.GetValue<long>(),
        node["head_bytes"]!.GetValue<long>(),
        node["head_md5"]!.GetValue<string>());
}
