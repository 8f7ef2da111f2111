namespace Pipeline.Ml.Ingest;

/// <summary>
/// Keys of the stream sources (<c>redis-stream</c>, <c>logs</c>): <c>stream</c>, <c>allow_gap</c> (false),
/// <c>interval</c> (10 s) and <c>trigger_rows</c> (10000) and <c>trigger</c> (pipeline) of follow mode.
/// </summary>
public sealed partial record IngestOptions
{
    /// <summary>The Redis stream key read by a redis-stream source.</summary>
    public string? Stream { get; init; }

    /// <summary>
    /// Accept, for a run, that entries after the recorded position were trimmed before they were read (they are counted
    /// in a warning); false fails the run instead, leaving the previous snapshot.
    /// </summary>
    public bool AllowGap { get; init; }

    /// <summary>Follow mode: seconds between micro-batches.</summary>
    public int Interval { get; init; } = 10;

    /// <summary>Follow mode: new rows that start a micro-batch before the interval is up.</summary>
    public int TriggerRows { get; init; } = 10_000;

    /// <summary>Follow mode: what a micro-batch runs after Ingest (<c>pipeline</c>: the default targets, or a target name).</summary>
    public string Trigger { get; init; } = "pipeline";

    /// <summary>True for the sources read by position (see <see cref="Streaming.StreamIngestor"/>).</summary>
    public bool IsStream => Kind is IngestKind.RedisStream or IngestKind.Logs;
}
