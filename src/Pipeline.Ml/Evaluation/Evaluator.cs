using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Ingest.Feedback;
using Pipeline.Ml.Reports;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// The Evaluate stage: scores the model on the holdout, computes the task's metrics at the threshold chosen during
/// training, per-slice metrics, the comparison with the production model (paired bootstrap), permutation
/// importance, and writes metrics.json, the PNG plots and reports/evaluation.html.
/// </summary>
public static class Evaluator
{
    /// <summary>
    /// Runs the evaluation and writes its outputs. Cancelling <paramref name="cancellation"/> stops ML.NET's scoring, the
    /// bootstrap and the importance loop with <see cref="OperationCanceledException"/>, before anything is written.
    /// </summary>
    public static EvaluationResult Run(EvaluationOptions options, CancellationToken cancellation = default)
    {
        var ml = new MLContext(options.Seed);
        using var stop = ml.StopOn(cancellation);
        var task = options.Task;
        var metric = MetricNames.Validate(options.Metric ?? MetricNames.DefaultFor(task), task);
        var (model, schema) = ModelZip.Load(ml, options.ModelPath);
        var holdout = Holdout(ml, options, schema);
        var scored = model.Transform(holdout);
        var predictions = PredictionReader.Read(scored, task);
        var threshold = options.Threshold ?? ModelInfo.TryRead(ModelInfo.PathFor(options.ModelPath))?.Threshold ?? 0.5;
        var metrics = new TaskMetrics(task, predictions, threshold);
        // NOTE: a slice column this dataset lacks (evaluate.slice_column kept from another source) means no slices;
        // EvaluationResult.SliceColumn stays null so the caller can say so in one line.
        var slice = options.SliceColumn is { } named && holdout.Schema.GetColumnOrNull(named) is not null ? named : null;
        var classes = task == MlTask.Regression ? null : ClassNames.Of(scored, task, predictions.ClassCount);
        var result = new EvaluationResult(task, metric, metrics.Compute())
        {
            Threshold = task == MlTask.Binary ? threshold : null,
            Confusion = classes is null ? null : new ConfusionMatrix(classes, metrics.Confusion()),
            SliceColumn = slice,
            Slices = slice is { } column ? Slices(ColumnText.Read(holdout, column), predictions, task, threshold) : [],
            LabelledTraffic = Traffic(holdout, options.KeyColumn, predictions, classes, task, threshold),
            Comparison = options.ProductionModelPath is { } production ? Compare(ml, options, production, metrics, predictions.Count, metric, cancellation) : null,
            Importance = PermutationImportance.Compute(ml, model, holdout, task, metric, threshold, Excluded(options), options.ImportanceRows, options.Seed, cancellation),
        };
        cancellation.ThrowIfCancellationRequested();
        MetricsJson.Write(options.MetricsPath, result);
        if (options.ReportsDirectory is { } reports)
        {
            EvaluationReport.Write(reports, result, predictions);
        }

        return result;
    }

    private static IDataView Holdout(MLContext ml, EvaluationOptions options, DataViewSchema schema) =>
        options.Holdout ?? SnapshotLoader.Load(ml, options.HoldoutPath ?? throw new ArgumentException("EvaluationOptions needs HoldoutPath or Holdout."), schema);

    // NOTE: the rows the model will see next: Monitor takes these as the baseline when present (a model retrained on
    // drifted traffic is judged against how it does on such traffic, not on the older source rows).
    private static TrafficMetrics? Traffic(IDataView holdout, string? key, PredictionSet predictions, IReadOnlyList<string>? classes, MlTask task, double threshold)
    {
        if (key is null || holdout.Schema.GetColumnOrNull(key) is null) return null;
        var marked = ColumnText.Read(holdout, key).Select(k => FeedbackKey.IsFeedback(k)).ToArray();
        if (TrafficRows.Pick(marked, task == MlTask.Binary ? predictions.Labels : null) is not { } rows) return null;
        var metrics = new TaskMetrics(task, predictions.Subset(rows), threshold);
        return new TrafficMetrics(rows.Length, metrics.Compute(),
            classes is null ? null : new ConfusionMatrix(classes, metrics.Confusion()));
    }

    private static List<SliceResult> Slices(string[] values, PredictionSet predictions, MlTask task, double threshold) =>
        Enumerable.Range(0, values.Length)
            .GroupBy(i => values[i])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SliceResult(g.Key, g.Count(), new TaskMetrics(task, predictions.Subset(g.ToList()), threshold).Compute()))
            .ToList();

    private static ModelComparison Compare(MLContext ml, EvaluationOptions options, string productionPath, TaskMetrics candidate, int rows, string metric, CancellationToken cancellation)
    {
        var (production, schema) = ModelZip.Load(ml, productionPath);
        var predictions = PredictionReader.Read(production.Transform(Holdout(ml, options, schema)), options.Task);
        if (predictions.Count != rows)
        {
            throw new InvalidOperationException($"The production model {productionPath} scored {predictions.Count} holdout rows, the candidate {rows}; they must score the same rows.");
        }

        var threshold = ModelInfo.TryRead(ModelInfo.PathFor(productionPath))?.Threshold ?? 0.5;
        var metrics = new TaskMetrics(options.Task, predictions, threshold);
        var interval = PairedBootstrap.Difference(candidate, metrics, rows, metric, options.Bootstrap, options.Seed, cancellation: cancellation);
        return new ModelComparison(options.ProductionLabel, metric, metrics.Compute(), interval);
    }

    private static HashSet<string> Excluded(EvaluationOptions options) =>
        new(new[] { options.LabelColumn, "Label" }.OfType<string>(), StringComparer.Ordinal);
}
