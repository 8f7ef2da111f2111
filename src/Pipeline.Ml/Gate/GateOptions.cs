using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Gate;

/// <summary>
/// The deploy gate from the <c>gate</c> section of params.yaml: <c>min.&lt;metric&gt;</c> (value must be ≥),
/// <c>max.&lt;metric&gt;</c> (≤, for lower-is-better metrics), <c>max_regression.&lt;metric&gt;</c> (largest allowed
/// worsening against production, in the metric's own direction), <c>require_significant</c> (default false) and
/// <c>retries</c> (default 0: how often the lead may go back to training with a larger budget). <see cref="ForTask"/>
/// fits them to a task: conditions on metrics the task does not have are left out, and a gate with no condition left
/// gets <c>min</c> on the task's main metric (<see cref="DefaultMinimum"/>).
/// </summary>
public sealed record GateOptions
{
    public IReadOnlyDictionary<string, double> Min { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Max { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> MaxRegression { get; init; } = new Dictionary<string, double>();

    public bool RequireSignificant { get; init; }

    public int Retries { get; init; }

    /// <summary>The conditions <see cref="ForTask"/> left out because the task has no such metric (e.g. <c>min.auc</c> for regression).</summary>
    public IReadOnlyList<string> NotApplicable { get; init; } = [];

    /// <summary>The condition <see cref="ForTask"/> added because none applied to the task (e.g. <c>min.macro_f1</c>), or null.</summary>
    public string? Defaulted { get; init; }

    /// <summary>The documented keys of the <c>gate</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys = ["require_significant", "retries"];

    /// <summary>The documented groups of the <c>gate</c> section, each followed by a metric name.</summary>
    public static readonly IReadOnlyList<string> Groups = ["min", "max", "max_regression"];

    /// <summary>
    /// The minimum of a task's main metric when params.yaml sets no condition that applies to it: better than a trivial
    /// model by a margin (AUC 0.5, a constant's R² 0), loose enough for any table with signal.
    /// </summary>
    public static double DefaultMinimum(MlTask task) => task switch
    {
        MlTask.Binary => 0.7,
        MlTask.Multiclass => 0.5,
        // NOTE: a random ranking of a catalogue of a few hundred items scores ndcg_at_10 near 0.02; popularity 0.1 and more.
        MlTask.Recommendation => 0.05,
        _ => 0.3,
    };

    /// <summary>
    /// These options for <paramref name="task"/>: only the conditions on its metrics, and <c>min</c> on its main metric
    /// (<see cref="MetricNames.DefaultFor"/>) at <see cref="DefaultMinimum"/> when no <c>min</c> or <c>max</c> applies.
    /// </summary>
    public GateOptions ForTask(MlTask task)
    {
        var metrics = MetricNames.For(task);
        Dictionary<string, double> Applicable(IReadOnlyDictionary<string, double> group) =>
            group.Where(p => metrics.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        var min = Applicable(Min);
        var max = Applicable(Max);
        string? defaulted = null;
        if (min.Count == 0 && max.Count == 0)
        {
            var main = MetricNames.DefaultFor(task);
            min[main] = DefaultMinimum(task);
            defaulted = $"min.{main}";
        }
        return this with
        {
            Min = min,
            Max = max,
            MaxRegression = Applicable(MaxRegression),
            NotApplicable = [.. Groups.Zip([Min, Max, MaxRegression]).SelectMany(g => g.Second.Keys.Where(k => !metrics.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{g.First}.{k}"))],
            Defaulted = defaulted,
        };
    }

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
