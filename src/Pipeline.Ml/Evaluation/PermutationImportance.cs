using Microsoft.ML;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Permutation feature importance on raw input columns: each column in turn is permuted (seeded per column) through
/// the whole model (featurizer included) on the first rows of the holdout, and the drop of the main metric recorded.
/// </summary>
internal static class PermutationImportance
{
    /// <summary>Importance of every raw column but the excluded ones, most important first (ties by name).</summary>
    public static IReadOnlyList<FeatureImportance> Compute(MLContext ml, ITransformer model, IDataView holdout, MlTask task, string metric, double threshold, IReadOnlySet<string> excluded, int rows, int seed, CancellationToken cancellation = default)
    {
        var sample = ml.Data.TakeRows(holdout, rows);
        double Score(IDataView view) => new TaskMetrics(task, PredictionReader.Read(model.Transform(view), task), threshold).Value(metric);
        var baseline = MetricNames.Goodness(metric, Score(sample));
        var importance = new List<FeatureImportance>();
        foreach (var column in sample.Schema.Where(c => !c.IsHidden && !excluded.Contains(c.Name)))
        {
            cancellation.ThrowIfCancellationRequested();
            var permuted = Score(new PermutedColumnView(sample, column, seed + column.Index));
            importance.Add(new FeatureImportance(column.Name, baseline - MetricNames.Goodness(metric, permuted)));
        }

        return importance.OrderByDescending(i => i.Drop).ThenBy(i => i.Column, StringComparer.Ordinal).ToList();
    }
}
