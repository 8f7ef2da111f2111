namespace Pipeline.Ml.Evaluation;

/// <summary>Regression metrics: RMSE, MAE and R² (1 − SSres/SStot; NaN when the target is constant).</summary>
internal static class RegressionMetrics
{
    /// <summary>Every regression metric, keyed by its metrics.json name.</summary>
    public static Dictionary<string, double> Compute(double[] labels, double[] scores, double[]? weights = null)
    {
        double total = 0, sum = 0, squared = 0, absolute = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var w = weights is null ? 1 : weights[i];
            total += w;
            sum += w * labels[i];
            squared += w * (scores[i] - labels[i]) * (scores[i] - labels[i]);
            absolute += w * Math.Abs(scores[i] - labels[i]);
        }

        var mean = sum / total;
        double variance = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            variance += (weights is null ? 1 : weights[i]) * (labels[i] - mean) * (labels[i] - mean);
        }

        return new()
        {
            [MetricNames.Rmse] = total == 0 ? double.NaN : Math.Sqrt(squared / total),
            [MetricNames.Mae] = total == 0 ? double.NaN : absolute / total,
            [MetricNames.R2] = variance == 0 ? double.NaN : 1 - (squared / variance),
        };
    }
}
