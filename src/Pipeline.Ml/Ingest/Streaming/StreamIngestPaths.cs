namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// Where a stream ingest finds the committed state (<c>Previous*</c>, in the workspace; absent on the first run) and
/// writes the new one (staged outputs, promoted together by the engine).
/// </summary>
/// <param name="Snapshot">The new snapshot (CSV).</param>
/// <param name="Position">The new position.json.</param>
/// <param name="Rejected">The new rejected-entries file (CSV: where, reason, text), cumulative like the snapshot.</param>
/// <param name="PreviousSnapshot">The committed snapshot.</param>
/// <param name="PreviousPosition">The committed position.json.</param>
/// <param name="PreviousRejected">The committed rejected-entries file.</param>
public sealed record StreamIngestPaths(string Snapshot, string Position, string Rejected, string PreviousSnapshot, string PreviousPosition, string PreviousRejected);
