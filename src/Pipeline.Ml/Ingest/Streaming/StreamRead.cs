using System.Text.Json.Nodes;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// One read of a stream source: a single-pass sequence of entries and, once it has been enumerated to the end, the
/// position after the last entry it yielded. Disposing releases the connection or files.
/// </summary>
internal sealed class StreamRead(IEnumerable<StreamEntry> entries, Func<JsonNode> position, IReadOnlyList<string>? warnings = null, IDisposable? owner = null) : IDisposable
{
    /// <summary>The entries after the starting position, in stream order.</summary>
    public IEnumerable<StreamEntry> Entries { get; } = entries;

    /// <summary>Things the user should know that do not stop the run (e.g. a log file that disappeared).</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings ?? [];

    /// <summary>The position after the entries enumerated so far (call after enumerating them all).</summary>
    public JsonNode Position() => position();

    /// <summary>Closes what the read holds open.</summary>
    public void Dispose() => owner?.Dispose();
}
