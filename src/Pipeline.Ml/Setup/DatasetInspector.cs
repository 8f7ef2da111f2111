using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Ingest;
using Pipeline.Ml.Recommendation;

namespace Pipeline.Ml.Setup;

/// <summary>
/// Init: reads a new dataset once (through the same connectors as Ingest) and infers what params.yaml needs. Bad input is
/// one clear error each: <see cref="FileNotFoundException"/> for a missing file, <see cref="InvalidDataException"/> for
/// an empty file, a label column that is not there, a label with a single class, or a file type Init cannot read.
/// </summary>
public static class DatasetInspector
{
    /// <summary>A label with more distinct numbers than this (or any fractional one) is a regression target.</summary>
    public const int MaxClassesOfNumericLabel = 20;

    /// <summary>A categorical column with at most this many values is a good slice column for per-slice metrics.</summary>
    public const int MaxSliceValues = 20;

    private static readonly Dictionary<string, IngestKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = IngestKind.Csv, [".tsv"] = IngestKind.Tsv, [".jsonl"] = IngestKind.Jsonl, [".ndjson"] = IngestKind.Jsonl, [".parquet"] = IngestKind.Parquet,
    };

    /// <summary>
    /// Inspects the file at <paramref name="path"/> (relative to <paramref name="root"/>) with label <paramref name="label"/>;
    /// <paramref name="task"/> null infers it from the label's values. <paramref name="scratch"/> is a folder for the snapshot read.
    /// </summary>
    public static DatasetInspection Inspect(string path, string label, MlTask? task, string root, string scratch, CancellationToken cancellation = default)
    {
        var full = System.IO.Path.GetFullPath(path, root);
        if (!File.Exists(full)) throw new FileNotFoundException($"Init: no such file '{path}' (--data); give the path of a CSV, TSV, JSONL or Parquet file, relative to the repository.", full);
        if (!Kinds.TryGetValue(System.IO.Path.GetExtension(full), out var kind))
            throw new InvalidDataException($"Init: '{path}' (--data) is not a file type Init reads; use a .csv, .tsv, .jsonl or .parquet file (for a database, set ingest.* in params.yaml by hand).");
        if (new FileInfo(full).Length == 0) throw new InvalidDataException($"Init: '{path}' (--data) is empty: it has no header and no rows.");
        var snapshot = System.IO.Path.Combine(scratch, "init-snapshot.csv");
        Directory.CreateDirectory(scratch);
        try
        {
            Ingestor.Run(new IngestOptions { Kind = kind, Path = path }, snapshot, root, cancellationToken: cancellation);
            return Inspect(snapshot, path, kind, label, task, cancellation);
        }
        finally
        {
            File.Delete(snapshot);
        }
    }

    private static DatasetInspection Inspect(string snapshot, string path, IngestKind kind, string label, MlTask? task, CancellationToken cancellation)
    {
        using var reader = new CsvSnapshotReader(snapshot);
        var header = reader.Header;
        var labelIndex = header.ToList().IndexOf(label);
        if (labelIndex < 0) throw new InvalidDataException($"Init: '{path}' has no column '{label}' (--label). Columns: {string.Join(", ", header)}.");
        var samples = header.Select(name => new ColumnSample(name)).ToArray();
        var unique = header.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var keyable = header.Select(_ => true).ToArray();
        var classes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        foreach (var fields in reader.ReadRows(cancellation))
        {
            rows++;
            for (var i = 0; i < header.Count; i++)
            {
                samples[i].Add(fields[i]);
                if (keyable[i]) keyable[i] = fields[i] is { Length: > 0 } v && unique[i].Add(v);
            }
            if (fields[labelIndex] is { Length: > 0 } value) classes[value] = classes.GetValueOrDefault(value) + 1;
        }
        if (rows == 0) throw new InvalidDataException($"Init: '{path}' (--data) is empty: it has a header but no rows.");
        if (classes.Count < 2)
            throw new InvalidDataException($"Init: the label '{label}' has {(classes.Count == 0 ? "no values" : $"one value ('{classes.Keys.First()}')")} in '{path}': there is nothing to learn. Choose a label column with at least two values (--label).");

        var labelSample = samples[labelIndex];
        var inferred = task is null;
        var resolved = task ?? (labelSample.AllNumeric && (classes.Count > MaxClassesOfNumericLabel || classes.Keys.Any(k => k.Contains('.', StringComparison.Ordinal)))
            ? MlTask.Regression
            : classes.Count == 2 ? MlTask.Binary : MlTask.Multiclass);
        var kinds = samples.Select(s => ColumnKindInference.KindOf(s)).ToArray();
        var features = Enumerable.Range(0, header.Count).Where(i => i != labelIndex).ToList();
        List<string> Of(ColumnKind k) => [.. features.Where(i => kinds[i] == k).Select(i => header[i])];
        // NOTE: a key is an identifier: unique on every row and not free text, a timestamp or a measurement with decimals.
        var keys = features.Where(i => keyable[i] && kinds[i] is not (ColumnKind.Text or ColumnKind.Date) && !(samples[i].AllNumeric && unique[i].Any(v => v.Contains('.', StringComparison.Ordinal))))
            .Select(i => header[i])
            .OrderBy(n => n.Equals("id", StringComparison.OrdinalIgnoreCase) || n.EndsWith("_id", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();
        var categorical = Of(ColumnKind.Categorical).Concat(Of(ColumnKind.Boolean)).Where(n => !keys.Contains(n)).ToList();
        var interactions = resolved == MlTask.Recommendation ? InteractionColumns([.. features.Select(i => header[i])], Of(ColumnKind.Date), label, path) : null;
        if (interactions is not null)
        {
            keys = [];
            categorical = [];
        }

        return new DatasetInspection(path, new IngestKindName(kind.ToString().ToLowerInvariant()), label, resolved, rows)
        {
            TaskInferred = inferred,
            KeyCandidates = keys,
            TextColumns = Of(ColumnKind.Text),
            DateColumns = Of(ColumnKind.Date),
            CategoricalColumns = categorical,
            NumericColumns = [.. Of(ColumnKind.Numeric).Where(n => !keys.Contains(n))],
            Interactions = interactions,
            ClassCounts = resolved.HasNumericLabel() ? new SortedDictionary<string, long>(StringComparer.Ordinal) : classes,
            SliceColumn = categorical.FirstOrDefault(n => samples[header.ToList().IndexOf(n)].Distinct is > 1 and <= MaxSliceValues),
            GateMinimum = GateOptions.DefaultMinimum(resolved),
        };
    }

    /// <summary>
    /// The user, item and time columns of a recommendation dataset, found by name: the first column whose name contains
    /// "user", the first containing "item" (else "movie" or "product"), a date column or one named like "timestamp" or "time".
    /// </summary>
    private static RecommendationColumns InteractionColumns(List<string> names, List<string> dates, string label, string path)
    {
        string? Named(params string[] parts) => parts.Select(p => names.FirstOrDefault(n => n.Contains(p, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(n => n is not null);
        var user = Named("user") ?? throw new InvalidDataException($"Init: --task recommendation needs a user column in '{path}' and none is named like 'user' (columns: {string.Join(", ", names)}); rename it, or set data.user in params.yaml by hand.");
        var item = Named("item", "movie", "product") ?? throw new InvalidDataException($"Init: --task recommendation needs an item column in '{path}' and none is named like 'item', 'movie' or 'product' (columns: {string.Join(", ", names)}); rename it, or set data.item in params.yaml by hand.");
        var time = (dates.Count > 0 ? dates[0] : null) ?? Named("timestamp", "time", "date");
        return new RecommendationColumns(user, item, label, time);
    }
}
