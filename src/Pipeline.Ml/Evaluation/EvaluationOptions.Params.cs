using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>Reading the <c>evaluate</c> section of params.yaml into <see cref="EvaluationOptions"/>.</summary>
public sealed partial record EvaluationOptions
{
    /// <summary>The documented keys of the <c>evaluate</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys = ["slice_column", "metric", "bootstrap", "seed", "importance_rows", "threshold", "relevant_at", "k", "cost_fn_fp"];

    /// <summary>
    /// <c>evaluate.cost_fn_fp</c>: a false negative's cost over a false positive's (a number above 0), or null when unset
    /// or <c>none</c>; Train reads it to choose a binary model's threshold (<see cref="BinaryMetrics.Threshold"/>).
    /// </summary>
    public static double? CostFnFp(string? value)
    {
        if (value is null || value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        var ratio = ParamValue.Number("evaluate.cost_fn_fp", value, 0);
        return ratio > 0 ? ratio : throw ParamValue.Bad("evaluate.cost_fn_fp", value, "a number above 0 (a false negative's cost over a false positive's) or none");
    }

    /// <summary>
    /// These options with the <c>evaluate</c> section applied (keys relative to it); an unknown key, a bad value or a
    /// metric that does not apply to <see cref="Task"/> is a <see cref="ParamException"/> naming it.
    /// </summary>
    public EvaluationOptions WithParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("evaluate", section, Keys);
        var metric = s.Text("metric");
        if (metric is not null && !MetricNames.For(Task).Contains(metric))
            throw ParamValue.Bad("evaluate.metric", metric, $"a {Task.ToString().ToLowerInvariant()} metric: {string.Join(", ", MetricNames.For(Task))}");
        // NOTE: cost_fn_fp is Train's (the threshold is chosen with the model); checked here so a bad value fails in either stage.
        _ = CostFnFp(s.Text("cost_fn_fp"));
        return this with
        {
            SliceColumn = s.Text("slice_column") ?? SliceColumn,
            Metric = metric ?? Metric,
            Bootstrap = s.Integer("bootstrap", Bootstrap, min: 1),
            Seed = s.Integer("seed", Seed, min: 0),
            ImportanceRows = s.Integer("importance_rows", ImportanceRows, min: 1),
            Threshold = s.OptionalNumber("threshold", min: 0, max: 1) ?? Threshold,
        };
    }
}
