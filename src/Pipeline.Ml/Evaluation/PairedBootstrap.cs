namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Paired bootstrap of the difference of a metric between two models scored on the same rows: each resample draws
/// row counts with replacement (seeded) and evaluates both models on the same draw. The interval is the central
/// percentile interval (linear interpolation); the difference is significant when the interval excludes zero.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>Estimates the difference <c>candidate − production</c> and its confidence interval.</summary>
    public static BootstrapInterval Difference(TaskMetrics candidate, TaskMetrics production, int rows, string metric, int resamples, int seed, double confidence = 0.95, CancellationToken cancellation = default)
    {
        var random = new Random(seed);
        var weights = new double[rows];
        var differences = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            Array.Clear(weights);
            for (var i = 0; i < rows; i++)
            {
                weights[random.Next(rows)]++;
            }

            var d = candidate.Value(metric, weights) - production.Value(metric, weights);
            if (!double.IsNaN(d))
            {
                differences.Add(d);
            }
        }

        differences.Sort();
        var alpha = (1 - confidence) / 2;
        var low = Quantile(differences, alpha);
        var high = Quantile(differences, 1 - alpha);
        var estimate = candidate.Value(metric) - production.Value(metric);
        return new BootstrapInterval(estimate, low, high, confidence, resamples, low > 0 || high < 0);
    }

    /// <summary>
    /// The same interval for a metric that is a mean over paired units (a recommender's per-user nDCG): resamples
    /// units with replacement and compares the two weighted means.
    /// </summary>
    public static BootstrapInterval MeanDifference(IReadOnlyList<double> candidate, IReadOnlyList<double> production, int resamples, int seed, double confidence = 0.95, CancellationToken cancellation = default)
    {
        var rows = candidate.Count;
        var random = new Random(seed);
        var differences = new List<double>(resamples);
        for (var r = 0; r < resamples && rows > 0; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            double sum = 0;
            for (var i = 0; i < rows; i++)
            {
                var pick = random.Next(rows);
                sum += candidate[pick] - production[pick];
            }

            differences.Add(sum / rows);
        }

        differences.Sort();
        var alpha = (1 - confidence) / 2;
        var low = Quantile(differences, alpha);
        var high = Quantile(differences, 1 - alpha);
        var estimate = rows == 0 ? double.NaN : candidate.Zip(production, (c, p) => c - p).Average();
        return new BootstrapInterval(estimate, low, high, confidence, resamples, low > 0 || high < 0);
    }

    private static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
