using System.Globalization;

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
            .ToDictionary(kv => kv.Key[(prefix.Length + 1)..], kv => Number(kv.Key, kv.Value));
        return new GateOptions
        {
            Min = Section("min"),
            Max = Section("max"),
            MaxRegression = Section("max_regression"),
            RequireSignificant = gate.TryGetValue("require_significant", out var s) && (bool.TryParse(s, out var b)
                ? b
                : throw new ArgumentException($"params.yaml gate.require_significant is '{s}'; expected true or false.")),
            Retries = gate.TryGetValue("retries", out var r) ? (int)Number("retries", r) : 0,
        };
    }

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new ArgumentException($"params.yaml gate.{key} is '{value}'; expected a number.");
}
