using System.Text.Json.Nodes;

namespace Pipeline.Ml.Ingest.Streaming.Redis;

/// <summary>
/// How far a Redis stream was read: the last entry id covered, and the stream's <c>entries-added</c> counter at that
/// moment (every entry ever added up to that id), which tells how many entries a later read should find after it.
/// </summary>
internal sealed record RedisStreamPosition(string LastId, long EntriesAdded)
{
    /// <summary>The position's JSON form inside position.json.</summary>
    public JsonNode ToJson() => new JsonObject { ["last_id"] = LastId, ["entries_added"] = EntriesAdded };

    /// <summary>Reads the JSON form; a malformed one throws <see cref="InvalidDataException"/>.</summary>
    public static RedisStreamPosition FromJson(JsonNode node) =>
        node["last_id"]?.GetValue<string>() is { } id && node["entries_added"]?.GetValue<long>() is { } added
            ? new RedisStreamPosition(id, added)
            : throw new InvalidDataException($"the recorded position {node.ToJsonString()} is not a Redis stream position (last_id, entries_added).");
}
