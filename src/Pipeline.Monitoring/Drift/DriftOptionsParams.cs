using System.Globalization;

namespace Pipeline.Monitoring.Drift;

/// <summary>
/// Reads <see cref="DriftOptions"/> from flattened params.yaml keys: <c>drift_share</c>, <c>min_column_samples</c>,
/// <c>large_reference</c>, <c>bins</c>, <c>ks_threshold</c>, <c>chi2_threshold</c>, <c>psi_threshold</c>,
/// <c>js_threshold</c>, <c>wasserstein_threshold</c>, <c>method</c> (one method for every column) and per column
/// <c>columns.&lt;name&gt;.method</c> / <c>columns.&lt;name&gt;.threshold</c>.
/// </summary>
public static class DriftOptionsParams
{
    /// <summary>The options from <paramref name="values"/>; <paramref name="prefix"/> (e.g. <c>monitor.drift.</c>) names keys in errors.</summary>
    public static DriftOptions Read(IReadOnlyDictionary<string, string> values, string prefix)
    {
        ArgumentNullException.ThrowIfNull(values);
        var options = new DriftOptions();
        var columns = new Dictionary<string, ColumnDriftOptions>(StringComparer.Ordinal);
        foreach (var (key, value) in values.Where(p => p.Value.Length > 0))
        {
            if (key.StartsWith("columns.", StringComparison.Ordinal) && key.LastIndexOf('.') is var dot && dot > "columns.".Length)
            {
                var column = key["columns.".Length..dot];
                var current = columns.GetValueOrDefault(column) ?? new ColumnDriftOptions();
                columns[column] = key[(dot + 1)..] switch
                {
                    "method" => current with { Method = DriftMethods.Parse(value) },
                    "threshold" => current with { Threshold = Number(prefix + key, value) },
                    _ => throw Unknown(prefix + key),
                };
                continue;
            }

            options = key switch
            {
                "drift_share" => options with { DatasetDriftShare = Number(prefix + key, value) },
                "min_column_samples" => options with { MinimumSampleSize = (int)Number(prefix + key, value) },
                "large_reference" => options with { LargeReferenceSize = (int)Number(prefix + key, value) },
                "bins" => options with { Bins = (int)Number(prefix + key, value) },
                "ks_threshold" => options with { KsThreshold = Number(prefix + key, value) },
                "chi2_threshold" => options with { ChiSquareThreshold = Number(prefix + key, value) },
                "psi_threshold" => options with { PsiThreshold = Number(prefix + key, value) },
                "js_threshold" => options with { JensenShannonThreshold = Number(prefix + key, value) },
                "wasserstein_threshold" => options with { WassersteinThreshold = Number(prefix + key, value) },
                "method" => options with { ForcedMethod = DriftMethods.Parse(value) },
                _ => throw Unknown(prefix + key),
            };
        }

        if (options.DatasetDriftShare is <= 0 or > 1) throw new ArgumentException($"params.yaml {prefix}drift_share = {options.DatasetDriftShare} must be in (0, 1].");
        return options with { Columns = columns };
    }

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n : throw new ArgumentException($"params.yaml {key} = {value} is not a number.");

    private static ArgumentException Unknown(string key) => new(
        $"Unknown parameter '{key}'. Known: drift_share, min_column_samples, large_reference, bins, ks_threshold, chi2_threshold, " +
        "psi_threshold, js_threshold, wasserstein_threshold, method, columns.<name>.method, columns.<name>.threshold.");
}
