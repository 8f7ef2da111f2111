using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>Everything the Evaluate stage computed; metrics.json and the HTML report are renderings of it.</summary>
public sealed record EvaluationResult(MlTask Task, string MainMetric, IReadOnlyList<KeyValuePair<string, double>> Metrics)
{
    /// <summary>The decision threshold applied (binary only).</summary>
    public double? Threshold { get; init; }

    /// <summary>The confusion matrix (classification only).</summary>
    public ConfusionMatrix? Confusion { get; init; }

    /// <summary>The slice column, when one was configured and the holdout has it.</summary>
    public string? SliceColumn { get; init; }

    /// <summary>Metrics per slice value (ordinal order).</summary>
    public IReadOnlyList<SliceResult> Slices { get; init; } = [];

    /// <summary>Metrics on the holdout's labelled served traffic, when it has enough such rows (see <see cref="EvaluationOptions.KeyColumn"/>).</summary>
    internal TrafficMetrics? LabelledTraffic { get; init; }

    /// <summary>The comparison with the production model, when one was given.</summary>
    public ModelComparison? Comparison { get; init; }

    /// <summary>Permutation importance of the raw input columns, most important first.</summary>
    public IReadOnlyList<FeatureImportance> Importance { get; init; } = [];

    /// <summary>The metric value by name (NaN when absent).</summary>
    public double this[string metric] => Metrics.FirstOrDefault(m => m.Key == metric, KeyValuePair.Create(metric, double.NaN)).Value;
}
