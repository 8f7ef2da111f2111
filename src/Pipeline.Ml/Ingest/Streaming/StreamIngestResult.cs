namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>What one stream ingest run did.</summary>
/// <param name="Source">The source description (no secrets).</param>
/// <param name="Appended">Entries appended to the snapshot.</param>
/// <param name="Rejected">Entries that could not be parsed (or had a field the snapshot lacks), quarantined with their place.</param>
/// <param name="RowsTotal">Rows in the new snapshot.</param>
/// <param name="Columns">The snapshot's columns.</param>
/// <param name="Warnings">One line each: things that did not stop the run (a vanished log file, a recovered partial commit).</param>
public sealed record StreamIngestResult(string Source, long Appended, long Rejected, long RowsTotal, IReadOnlyList<string> Columns, IReadOnlyList<string> Warnings);
