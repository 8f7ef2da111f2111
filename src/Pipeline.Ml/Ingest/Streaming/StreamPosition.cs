using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Ml.Data;
using Pipeline.Formats.Json;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// position.json, written beside the snapshot and committed with it: the source <see cref="Kind"/> and description, the
/// range this snapshot's last run read (<see cref="From"/> exclusive, <see cref="To"/> inclusive, in the source's own
/// terms), how many rows that run appended (and how many entries it rejected, <see cref="RejectedAppended"/>: null in a
/// position written before it was recorded), the snapshot's rows in all, and the fingerprints of the <see cref="Snapshot"/> and the
/// <see cref="Rejected"/> entries file it belongs to.
/// </summary>
internal sealed record StreamPosition(string Kind, string Source, JsonNode? From, JsonNode To, long Appended, long Rows, SnapshotFingerprint Snapshot, SnapshotFingerprint Rejected, long? RejectedAppended)
{
    /// <summary>The position file's one serializer (see <see cref="JsonLayout"/>).</summary>
    public void Write(string path) => JsonLayout.Write(path, json =>
    {
        json.WriteStartObject();
        json.WriteString("kind", Kind);
        json.WriteString("source", Source);
        json.WritePropertyName("from");
        if (From is null) json.WriteNullValue(); else From.WriteTo(json);
        json.WritePropertyName("to");
        To.WriteTo(json);
        json.WriteNumber("appended", Appended);
        json.WriteNumber("rows", Rows);
        if (RejectedAppended is { } rejected) json.WriteNumber("rejected_appended", rejected);
        Fingerprint(json, "snapshot", Snapshot);
        Fingerprint(json, "rejected", Rejected);
        json.WriteEndObject();
    });

    private static void Fingerprint(Utf8JsonWriter json, string name, SnapshotFingerprint fingerprint)
    {
        json.WriteStartObject(name);
        json.WriteNumber("bytes", fingerprint.Bytes);
        json.WriteString("md5", fingerprint.Md5);
        json.WriteEndObject();
    }

    private static SnapshotFingerprint Fingerprint(JsonObject root, string name) =>
        new(root[name]!["bytes"]!.GetValue<long>(), root[name]!["md5"]!.GetValue<string>());

    /// <summary>Reads a position file; a malformed one throws <see cref="InvalidDataException"/> naming it.</summary>
    public static StreamPosition Read(string path)
    {
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return new StreamPosition(
                root["kind"]!.GetValue<string>(),
                root["source"]!.GetValue<string>(),
                root["from"]?.DeepClone(),
                root["to"]!.DeepClone(),
                root["appended"]!.GetValue<long>(),
                root["rows"]!.GetValue<long>(),
                Fingerprint(root, "snapshot"),
                Fingerprint(root, "rejected"),
                root["rejected_appended"]?.GetValue<long>());
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a position file written by Ingest ({e.Message}); restore it with git checkout, or delete it and the snapshot to read the source from the start.", e);
        }
    }
}
