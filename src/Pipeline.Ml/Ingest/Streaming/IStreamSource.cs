using System.Text.Json.Nodes;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// An append-only source read by position (a Redis stream, rotating log files; a Kafka topic could be one): each run
/// reads the entries after the position recorded with the previous snapshot, up to what exists when the read starts.
/// The source never acknowledges or deletes anything: the position advances only when the snapshot it belongs to is
/// committed (see <see cref="StreamIngestor"/>).
/// </summary>
internal interface IStreamSource : IDisposable
{
    /// <summary>The source kind written into position.json (e.g. <c>redis-stream</c>); a position of another kind is refused.</summary>
    string Kind { get; }

    /// <summary>Where the entries come from, for messages (never a password).</summary>
    string Description { get; }

    /// <summary>
    /// Starts reading after <paramref name="after"/> (null: from the beginning). Connection, authentication, a missing
    /// stream and a gap after the position are reported here or while enumerating, as <see cref="IngestException"/>.
    /// </summary>
    StreamRead Open(JsonNode? after, CancellationToken cancellationToken);
}
