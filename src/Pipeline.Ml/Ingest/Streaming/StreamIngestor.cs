using System.Text.Json.Nodes;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest.Streaming;

/// <summary>
/// The Ingest stage for stream sources (<c>redis-stream</c>, <c>logs</c>): appends the entries after the committed
/// position to the committed snapshot and writes the new position beside it. Exactly once: the snapshot, the rejected
/// entries and the position are outputs of one target, so they are committed together; a run that fails or is killed
/// before that leaves the previous three as they were, and the next run reads the same entries again. The source is
/// never told that anything was read. Failures throw <see cref="IngestException"/>.
/// </summary>
public static class StreamIngestor
{
    /// <summary>Entries sampled for the columns of a first snapshot (their fields' union, in first-seen order).</summary>
    internal const int HeaderSample = 1000;

    private static readonly string[] RejectedHeader = ["where", "reason", "text"];

    /// <summary>
    /// Runs the ingest; <paramref name="beforeSeal"/> may append to the new snapshot (feedback rows) before the
    /// position is fingerprinted with it.
    /// </summary>
    public static StreamIngestResult Run(IngestOptions options, StreamIngestPaths paths, string baseDirectory, Action<string>? beforeSeal = null, CancellationToken cancellationToken = default)
    {
        using var source = StreamSources.Create(options, baseDirectory);
        try
        {
            var warnings = new List<string>();
            var previous = CommittedState.Read(paths, source, warnings);
            using var read = source.Open(previous?.Position.To, cancellationToken);
            using var entries = read.Entries.GetEnumerator();
            var sample = new List<StreamEntry>();
            var header = previous?.Header ?? SampleHeader(entries, sample, source.Description);
            var columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
            using var snapshot = previous is null
                ? new CsvSnapshotWriter(paths.Snapshot, header)
                : CsvSnapshotWriter.Continuing(paths.Snapshot, header, paths.PreviousSnapshot, previous.Position.Snapshot.Bytes);
            using var rejected = previous is null
                ? new CsvSnapshotWriter(paths.Rejected, RejectedHeader)
                : CsvSnapshotWriter.Continuing(paths.Rejected, RejectedHeader, paths.PreviousRejected, previous.Position.Rejected.Bytes);
            foreach (var entry in sample.Concat(Rest(entries)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Fields is not { } fields)
                {
                    rejected.WriteRow([entry.Where, entry.Reason, entry.Text]);
                    continue;
                }
                var row = new string?[header.Count];
                string? unknown = null;
                foreach (var (name, value) in fields)
                {
                    if (columns.TryGetValue(name, out var i)) row[i] = value;
                    else unknown ??= name;
                }
                if (unknown is null) snapshot.WriteRow(row);
                else rejected.WriteRow([entry.Where, $"field '{unknown}' is not a snapshot column ({string.Join(", ", header)})", EntryText(fields)]);
            }
            snapshot.Complete();
            rejected.Complete();
            warnings.AddRange(read.Warnings);
            beforeSeal?.Invoke(paths.Snapshot);
            var to = read.Position();
            var appended = snapshot.RowCount;
            var rows = (previous?.Position.Rows ?? 0) + appended;
            if (previous is not null && appended == 0 && rejected.RowCount == 0 && JsonNode.DeepEquals(previous.Position.To, to)
                && SnapshotFingerprint.Of(paths.Snapshot) == previous.Position.Snapshot)
            {
                // NOTE: nothing new: the position file stays byte for byte, so a rerun changes no output at all.
                File.Copy(paths.PreviousPosition, paths.Position, overwrite: true);
            }
            else
            {
                new StreamPosition(source.Kind, source.Description, previous?.Position.To, to, appended, rows,
                    SnapshotFingerprint.Of(paths.Snapshot), SnapshotFingerprint.Of(paths.Rejected), rejected.RowCount).Write(paths.Position);
            }
            return new StreamIngestResult(source.Description, appended, rejected.RowCount, rows, header, warnings);
        }
        catch (Exception e) when (e is not (IngestException or OperationCanceledException))
        {
            throw new IngestException(source.Description, e.Message, e);
        }
    }

    /// <summary>
    /// Entries waiting after the committed position, counted up to <paramref name="limit"/> (follow mode's row trigger);
    /// 0 when the source cannot be read now (the next batch reports why).
    /// </summary>
    public static long Pending(IngestOptions options, StreamIngestPaths paths, string baseDirectory, long limit, CancellationToken cancellationToken = default)
    {
        try
        {
            using var source = StreamSources.Create(options, baseDirectory);
            var previous = CommittedState.Read(paths, source, []);
            using var read = source.Open(previous?.Position.To, cancellationToken);
            long count = 0;
            using var entries = read.Entries.GetEnumerator();
            while (count < limit && entries.MoveNext()) count++;
            return count;
        }
        catch (Exception e) when (e is IngestException or IOException or InvalidDataException or StackExchange.Redis.RedisException)
        {
            return 0;
        }
    }

    private static List<string> SampleHeader(IEnumerator<StreamEntry> entries, List<StreamEntry> sample, string source)
    {
        var header = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (sample.Count < HeaderSample && entries.MoveNext())
        {
            sample.Add(entries.Current);
            foreach (var (name, _) in entries.Current.Fields ?? []) if (seen.Add(name)) header.Add(name);
        }
        return header.Count > 0 ? header
            : throw new IngestException(source, sample.Count == 0
                ? "it has no entries yet, so there is nothing to snapshot; run again once entries have arrived."
                : $"none of its first {sample.Count} entries could be parsed (the first: {sample[0].Where}: {sample[0].Reason}).");
    }

    private static IEnumerable<StreamEntry> Rest(IEnumerator<StreamEntry> entries)
    {
        while (entries.MoveNext()) yield return entries.Current;
    }

    private static string EntryText(IReadOnlyList<KeyValuePair<string, string?>> fields) =>
        new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))).ToJsonString();
}
