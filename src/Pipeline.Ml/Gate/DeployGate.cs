using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;

namespace Pipeline.Ml.Gate;

/// <summary>
/// Checks metrics.json against the gate. A metric missing from metrics.json fails its condition. Conditions on
/// production (max_regression, require_significant) pass with a note when metrics.json has no comparison (no
/// production model yet). Regression is measured in the metric's bad direction: production − candidate for
/// higher-is-better metrics, candidate − production for lower-is-better ones.
/// </summary>
public static class DeployGate
{
    /// <summary>Evaluates every condition of <paramref name="options"/> against the metrics file.</summary>
    public static GateResult Check(string metricsJsonPath, GateOptions options)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(metricsJsonPath));
        var root = doc.RootElement;
        JsonElement? comparison = root.TryGetProperty("comparison", out var c) ? c : null;
        var conditions = new List<GateCondition>();
        foreach (var (metric, threshold) in options.Min.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var value = Read(root, metric);
            conditions.Add(new GateCondition("min", metric, value, threshold, value >= threshold) { Note = Missing(value, metricsJsonPath) });
        }

        foreach (var (metric, threshold) in options.Max.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var value = Read(root, metric);
            conditions.Add(new GateCondition("max", metric, value, threshold, value <= threshold) { Note = Missing(value, metricsJsonPath) });
        }

        foreach (var (metric, threshold) in options.MaxRegression.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            conditions.Add(Regression(root, comparison, metric, threshold, metricsJsonPath));
        }

        if (options.RequireSignificant)
        {
            conditions.Add(Significance(comparison));
        }

        return new GateResult(conditions);
    }

    private static GateCondition Regression(JsonElement root, JsonElement? comparison, string metric, double threshold, string path)
    {
        if (comparison is not { } cmp)
        {
            return new GateCondition("max_regression", metric, double.NaN, threshold, true) { Note = "no production model to compare with" };
        }

        var candidate = Read(root, metric);
        var production = cmp.TryGetProperty("production_metrics", out var pm) ? Read(pm, metric) : double.NaN;
        var regression = MetricNames.LowerIsBetter(metric) ? candidate - production : production - candidate;
        return new GateCondition("max_regression", metric, regression, threshold, regression <= threshold)
        {
            Note = double.IsNaN(regression) ? $"{metric} missing from {path} or its comparison" : $"candidate {RoundedNumber.Text(candidate)} vs production {RoundedNumber.Text(production)}",
        };
    }

    private static GateCondition Significance(JsonElement? comparison)
    {
        if (comparison is not { } cmp)
        {
            return new GateCondition("require_significant", "", double.NaN, 0, true) { Note = "no production model to compare with" };
        }

        var metric = cmp.GetProperty("metric").GetString() ?? "";
        var difference = Read(cmp, "difference");
        var better = MetricNames.LowerIsBetter(metric) ? difference < 0 : difference > 0;
        var significant = cmp.TryGetProperty("significant", out var s) && s.ValueKind == JsonValueKind.True;
        return new GateCondition("require_significant", metric, difference, 0, significant && better)
        {
            Note = $"95% CI [{RoundedNumber.Text(Read(cmp, "ci_low"))}, {RoundedNumber.Text(Read(cmp, "ci_high"))}] {(significant ? "excludes" : "includes")} 0{(better ? "" : "; not an improvement")}",
        };
    }

    private static double Read(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN;

    private static string Missing(double value, string path) => double.IsNaN(value) ? $"missing from {path}" : "";
}
