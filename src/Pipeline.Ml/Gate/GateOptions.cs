using Pipeline.Ml.Data;

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

    /// <summary>Reads the gate section given as flat dotted keys (<c>min.auc</c>, <c>require_significant</c> …).</summary>
    public static GateOptions FromParams(IReadOnlyDictionary<string, string> gate)
    {
        Dictionary<string, double> Section(string prefix) => gate
            .Where(kv => kv.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[(prefix.Length + 1)..], kv => ParamValue.Number("gate." + kv.Key, kv.Value));
        return new GateOptions
        {
            Min = Section("min"),
            Max = Section("max"),
            MaxRegression = Section("max_regression"),
            RequireSignificant = gate.TryGetValue("require_significant", out var s) && ParamValue.Boolean("gate.require_significant", s),
            Retries = gate.TryGetValue("retries", out var r) ? ParamValue.Integer("gate.retries", r, 0) : 0,
        };
    }
}
