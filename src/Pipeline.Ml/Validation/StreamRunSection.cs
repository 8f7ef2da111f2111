using System.Text.Json.Nodes;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Ingest.Streaming;

namespace Pipeline.Ml.Validation;

/// <summary>
/// The per-run section of a stream source's validation report: the range the last ingest read (from position.json,
/// <c>from</c> exclusive, <c>to</c> inclusive), the rows it appended and how many of them were validated or
/// quarantined, and the entries it rejected as unreadable (<see cref="Rejected"/>; when the position does not record
/// them, <see cref="RejectedAllRuns"/> and the rows of rejected.csv, which holds every run's).
/// </summary>
public sealed record StreamRunSection(JsonNode? From, JsonNode To, long Appended, long Validated, long Quarantined, long Rejected, bool RejectedAllRuns)
{
    /// <summary>
    /// The appended rows' place in the snapshot: data rows [<see cref="First"/>, <see cref="End"/>) (0-based), the rows
    /// position.json says the last run wrote after the previous ones (feedback rows appended after them are not its).
    /// </summary>
    internal sealed class Tracker(JsonNode? from, JsonNode to, long first, long end, long rejected, bool rejectedAllRuns)
    {
        private long _validated, _quarantined;

        public long First => first;

        public long End => end;

        /// <summary>Counts the outcome of data row <paramref name="index"/> (0-based) when it is one the last run appended.</summary>
        public void Count(long index, bool quarantined)
        {
            if (index < first || index >= end) return;
            if (quarantined) _quarantined++; else _validated++;
        }

        public StreamRunSection Section() => new(from, to, end - first, _validated, _quarantined, rejected, rejectedAllRuns);
    }

    /// <summary>
    /// Reads position.json (and counts rejected.csv's rows when the position does not record the last run's); a
    /// position that does not belong to the snapshot (another length than it records) is an
    /// <see cref="InvalidDataException"/> naming both and the fix.
    /// </summary>
    internal static Tracker Open(string positionPath, string? rejectedPath, string snapshotPath)
    {
        if (!File.Exists(positionPath))
            throw new InvalidDataException($"{positionPath} is missing, so the rows the last ingest appended are unknown; run Ingest (a stream source writes it beside the snapshot).");
        var position = StreamPosition.Read(positionPath);
        var length = new FileInfo(snapshotPath).Length;
        if (length != position.Snapshot.Bytes)
            throw new InvalidDataException($"{positionPath} records a snapshot of {position.Snapshot.Bytes} bytes but {snapshotPath} has {length}, so the rows the last ingest appended are unknown; restore both from one commit (git checkout), or run Ingest again.");
        if (position.RejectedAppended is { } rejectedByRun)
            return new Tracker(position.From, position.To, position.Rows - position.Appended, position.Rows, rejectedByRun, rejectedAllRuns: false);
        long rejected = 0;
        if (rejectedPath is not null && File.Exists(rejectedPath))
        {
            using var reader = new CsvSnapshotReader(rejectedPath);
            while (reader.ReadRawRow() is not null) rejected++;
        }
        return new Tracker(position.From, position.To, position.Rows - position.Appended, position.Rows, rejected, rejectedAllRuns: true);
    }
}
