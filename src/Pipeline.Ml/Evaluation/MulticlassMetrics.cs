namespace Pipeline.Ml.Evaluation;

/// <summary>
/// Multiclass metrics: accuracy, macro F1 (unweighted mean of per-class F1 over classes present in labels or
/// predictions), micro F1 (equal to accuracy for single-label data) and log-loss of the true class probability.
/// </summary>
internal static class MulticlassMetrics
{
    private const double Epsilon = 1e-15;

    /// <summary>The k×k confusion counts (rows actual, columns predicted).</summary>
    public static double[,] Confusion(PredictionSet p, double[]? weights = null)
    {
        var matrix = new double[p.ClassCount, p.ClassCount];
        for (var i = 0; i < p.Count; i++)
        {
            matrix[(int)p.Labels[i], p.PredictedClass(i)] += weights is null ? 1 : weights[i];
        }

        return matrix;
    }

    /// <summary>Every multiclass metric, keyed by its metrics.json name.</summary>
    public static Dictionary<string, double> Compute(PredictionSet p, double[]? weights = null)
    {
        var m = Confusion(p, weights);
        double correct = 0, total = 0, f1Sum = 0, logLoss = 0;
        var classes = 0;
        for (var k = 0; k < p.ClassCount; k++)
        {
            double actual = 0, predicted = 0;
            for (var j = 0; j < p.ClassCount; j++)
            {
                actual += m[k, j];
                predicted += m[j, k];
            }

            correct += m[k, k];
            total += actual;
            if (actual + predicted > 0)
            {
                classes++;
                f1Sum += 2 * m[k, k] / (actual + predicted);
            }
        }

        for (var i = 0; i < p.Count; i++)
        {
            var probability = p.ClassProbabilities[(i * p.ClassCount) + (int)p.Labels[i]];
            logLoss -= (weights is null ? 1 : weights[i]) * Math.Log(Math.Clamp(probability, Epsilon, 1));
        }

        var accuracy = total == 0 ? double.NaN : correct / total;
        return new()
        {
            [MetricNames.Accuracy] = accuracy,
            [MetricNames.LogLoss] = total == 0 ? double.NaN : logLoss / total,
            [MetricNames.MacroF1] = classes == 0 ? double.NaN : f1Sum / classes,
            [MetricNames.MicroF1] = accuracy,
        };
    }
}
