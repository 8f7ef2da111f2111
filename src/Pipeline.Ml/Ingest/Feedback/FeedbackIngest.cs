using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Ingest.Feedback;

/// <summary>
/// The closed loop's half of Ingest: appends the served predictions that received feedback (ground truth) to a snapshot,
/// as rows of the snapshot's own columns, so the next training run learns from the traffic the model actually sees.
/// Incremental by key: a labelled prediction whose derived key (<see cref="FeedbackKey"/>) the snapshot already holds is
/// counted, not appended again. A labelled prediction whose label the dataset cannot use (not one of the snapshot's
/// classes, not a number for regression, empty) is not appended: it goes to a quarantine file with the reason, so one bad
/// label never stops the retraining loop.
/// </summary>
public static class FeedbackIngest
{
    /// <summary>
    /// Rewrites <paramref name="snapshotPath"/> (atomically, same bytes for its existing rows) with the labelled predictions
    /// of the log at <paramref name="log"/> (a SQLite file relative to <paramref name="baseDirectory"/>, or a PostgreSQL
    /// connection string) appended; a log that does not exist yet adds nothing. Labelled predictions whose label does
    /// not fit <paramref name="task"/> and the snapshot's classes are written to <paramref name="quarantinePath"/> (the
    /// snapshot's columns plus <c>_reason</c>; always written, header only when none), not to the snapshot.
    /// </summary>
    public static FeedbackResult Append(string snapshotPath, string log, string baseDirectory, string key, string label, MlTask task, string quarantinePath, CancellationToken cancellationToken = default)
    {
        using var traffic = LabelledTraffic.Read(log, baseDirectory, cancellationToken).GetEnumerator();
        if (!traffic.MoveNext())
        {
            WriteEmptyQuarantine(snapshotPath, quarantinePath);
            return new FeedbackResult(0, 0, []);
        }

        using var reader = new CsvSnapshotReader(snapshotPath);
        var keyIndex = ColumnIndex(reader, key, "data.key");
        var labelIndex = ColumnIndex(reader, label, "data.label");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        using var writer = new CsvSnapshotWriter(snapshotPath, reader.Header);
        foreach (var row in reader.ReadRows())
        {
            if (row[keyIndex] is { } k) keys.Add(k);
            if (row[labelIndex] is { } l) labels.Add(l);
            writer.WriteRow(row);
        }

        var rows = new FeedbackRow(reader.Header, keyIndex, labelIndex);
        using var quarantine = new CsvSnapshotWriter(quarantinePath, [.. reader.Header, QuarantineReason]);
        long appended = 0, present = 0;
        do
        {
            var prediction = traffic.Current;
            var rowKey = FeedbackKey.Of(prediction.RequestId);
            var mapped = FeedbackLabel.Map(prediction.Label, labels);
            if (FeedbackLabel.Problem(mapped, labels, task) is { } problem)
            {
                quarantine.WriteRow([.. rows.Build(prediction, rowKey, mapped), $"feedback for request '{prediction.RequestId}': {problem}"]);
                continue;
            }

            if (!keys.Add(rowKey)) { present++; continue; }
            writer.WriteRow(rows.Build(prediction, rowKey, mapped));
            appended++;
        }
        while (traffic.MoveNext());
        writer.Complete();
        quarantine.Complete();
        return new FeedbackResult(appended, present, [.. rows.IgnoredFields]) { Quarantined = quarantine.RowCount };
    }

    /// <summary>
    /// Null when the snapshot has the key column <paramref name="key"/> (data.key) that feedback rows are matched by;
    /// else the closed loop is off for this source: the quarantine file is written header-only and the returned line says why.
    /// </summary>
    public static string? Unkeyed(string snapshotPath, string? key, string quarantinePath)
    {
        string[] header;
        using (var reader = new CsvSnapshotReader(snapshotPath)) header = [.. reader.Header];
        if (key is { Length: > 0 } && header.Contains(key, StringComparer.Ordinal)) return null;
        WriteEmptyQuarantine(snapshotPath, quarantinePath);
        var why = key is { Length: > 0 } ? $"data.key '{key}' is not a column of this source" : "data.key is not set";
        return $"ingest.feedback is off for this source: {why}, and feedback rows are matched to snapshot rows by a derived key in that column. Set data.key to a unique column to turn the closed loop on.";
    }

    private static void WriteEmptyQuarantine(string snapshotPath, string quarantinePath)
    {
        using var header = new CsvSnapshotReader(snapshotPath);
        using var empty = new CsvSnapshotWriter(quarantinePath, [.. header.Header, QuarantineReason]);
        empty.Complete();
    }

    /// <summary>The quarantine file's last column: why the feedback row was kept out of the snapshot.</summary>
    public const string QuarantineReason = "_reason";

    /// <summary>
    /// The files to watch for new feedback: the SQLite log and its write-ahead log (where a running host's latest writes
    /// are); none for a PostgreSQL log, which is read on every run instead.
    /// </summary>
    public static string[] LogFiles(string log) => LabelledTraffic.IsConnectionString(log) ? [] : [log, log + "-wal"];

    private static int ColumnIndex(CsvSnapshotReader reader, string column, string parameter)
    {
        for (var i = 0; i < reader.Header.Count; i++)
        {
            if (reader.Header[i] == column) return i;
        }
        throw new InvalidDataException(
            $"{reader.Path} has no column '{column}' ({parameter}), which feedback rows need. Columns: {string.Join(", ", reader.Header)}.");
    }
}
