using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Setup;

/// <summary>
/// What Init inferred about a new dataset: the task (from the label's values), the columns by kind, key candidates,
/// the label's balance, the gate threshold chosen, and the params.yaml settings that point the pipeline at it.
/// </summary>
public sealed record DatasetInspection(string Path, IngestKindName Kind, string Label, MlTask Task, long Rows)
{
    /// <summary>Whether the task came from the label's values (true) or from --task (false).</summary>
    public bool TaskInferred { get; init; }

    /// <summary>Columns whose values are present and unique on every row, best first (names like <c>id</c> first).</summary>
    public IReadOnlyList<string> KeyCandidates { get; init; } = [];

    public IReadOnlyList<string> TextColumns { get; init; } = [];

    public IReadOnlyList<string> DateColumns { get; init; } = [];

    public IReadOnlyList<string> CategoricalColumns { get; init; } = [];

    public IReadOnlyList<string> NumericColumns { get; init; } = [];

    /// <summary>Class → row count for classification (ordinal order); empty for regression.</summary>
    public IReadOnlyDictionary<string, long> ClassCounts { get; init; } = new SortedDictionary<string, long>(StringComparer.Ordinal);

    /// <summary>The categorical column metrics are sliced by (a few values), or null.</summary>
    public string? SliceColumn { get; init; }

    /// <summary>The gate's metric: the task's main one.</summary>
    public string GateMetric => MetricNames.DefaultFor(Task);

    /// <summary>The user, item and time columns of a recommendation dataset; null for the other tasks.</summary>
    public RecommendationColumns? Interactions { get; init; }

    /// <summary>The minimum Init chose for <see cref="GateMetric"/>.</summary>
    public required double GateMinimum { get; init; }

    /// <summary>The params.yaml settings, dotted key → value, in the order Init writes them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings =>
    [
        new("ingest.kind", Kind.Value),
        new("ingest.path", Path),
        new("data.label", Label),
        new("data.task", Task.ToString().ToLowerInvariant()),
        new("data.key", KeyCandidates.Count > 0 ? KeyCandidates[0] : ""),
        new("evaluate.slice_column", SliceColumn ?? ""),
        new($"gate.min.{GateMetric}", GateMinimum.ToString(CultureInfo.InvariantCulture)),
        .. Interactions is { } c ? [new("data.user", c.User), new("data.item", c.Item), new KeyValuePair<string, string>("data.time", c.Time ?? "")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    /// <summary>The report Init prints, one fact per line.</summary>
    public IEnumerable<string> Describe()
    {
        static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
        yield return $"{Path}: {Rows.ToString(CultureInfo.InvariantCulture)} rows, {Kind.Value}.";
        yield return $"task: {Task.ToString().ToLowerInvariant()} ({(TaskInferred ? "inferred from the values of '" + Label + "'" : "from --task")})";
        if (ClassCounts.Count > 0)
            yield return "class balance: " + string.Join(", ", ClassCounts.Select(c => $"{c.Key} {c.Value.ToString(CultureInfo.InvariantCulture)} ({(100.0 * c.Value / Rows).ToString("0.#", CultureInfo.InvariantCulture)}%)"));
        yield return $"key candidates: {List(KeyCandidates)}{(KeyCandidates.Count == 0 ? " (no data.key: the split is stratified by label and ingest.feedback is off)" : "")}";
        yield return $"text columns: {List(TextColumns)}";
        yield return $"date columns: {List(DateColumns)}";
        yield return $"categorical columns: {List(CategoricalColumns)}";
        yield return $"numeric columns: {List(NumericColumns)}";
        if (Interactions is { } c) yield return $"interactions: user {c.User}, item {c.Item}, time {c.Time ?? "none (a seeded random per-user split)"}";
        yield return $"gate: min {GateMetric} {GateMinimum.ToString(CultureInfo.InvariantCulture)} (the task's main metric; change gate.min.{GateMetric} to tighten it)";
    }
}

/// <summary>An ingest.kind value as params.yaml spells it (csv, tsv, jsonl, parquet).</summary>
public sealed record IngestKindName(string Value);
