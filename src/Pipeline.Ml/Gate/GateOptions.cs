using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Gate;

/// <summary>
/// The deploy gate from the <c>gate</c> section of params.yaml: <c>min.&lt;metric&gt;</c> (value must be ≥),
/// <c>max.&lt;metric&gt;</c> (≤, for lower-is-better metrics), <c>max_regression.&lt;metric&gt;</c> (largest allowed
/// worsening against production, in the metric's own direction), <c>require_significant</c> (default false) and
/// <c>retries</c> (default 0: how often the lead may go back to training with a larger budget).
/// </summary>
public sealed record GateOptions
{
    public IReadOnlyDictionary<string, double> Min { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Max { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> MaxRegression { get; init; } = new Dictionary<string, double>();

    public bool RequireSignificant { get; init; }

    public int Retries { get; init; }

    /// <summary>The documented keys of the <c>gate</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys = ["require_significant", "retries"];

    /// <summary>The documented groups of the <c>gate</c> section, each followed by a metric name.</summary>
    public static readonly IReadOnlyList<string> Groups = ["min", "max", "max_regression"];

    /// <summary>
    /// Options from the <c>gate</c> section, keys relative to it (<c>min.auc</c>, <c>require_significant</c> …); an
    /// unknown key or metric, or a bad value, is a <see cref="ParamException"/> naming it.
    /// </summary>
    public static GateOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("gate", section, Keys, Groups);
        Dictionary<string, double> Thresholds(string group) => s.Group(group).ToDictionary(
            p => MetricNames.All.Contains(p.Key) ? p.Key : throw new ParamException(
                $"Unknown metric '{p.Key}' in params.yaml gate.{group}.{p.Key}. Known metrics: {string.Join(", ", MetricNames.All)}."),
            p => ParamValue.Number($"gate.{group}.{p.Key}", p.Value));
        return new GateOptions
        {
            Min = Thresholds("min"),
            Max = Thresholds("max"),
            MaxRegression = Thresholds("max_regression"),
            RequireSignificant = s.Boolean("require_significant", false),
            Retries = s.Integer("retries", 0, min: 0),
        };
    }
}
