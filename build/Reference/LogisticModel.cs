using System.Globalization;
using System.Text.Json;

namespace ReferencePipeline;

/// <summary>Logistic regression by full-batch gradient descent (deterministic), and its AUC on a holdout.</summary>
internal static class LogisticModel
{
    public static void Fit(string trainCsv, string modelPath, double learningRate, int epochs, double l2, int threads)
    {
        var (x, y) = Features.Read(trainCsv);
        var w = new double[x[0].Length + 1];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var grad = new double[w.Length];
            for (var i = 0; i < x.Length; i++)
            {
                var err = Predict(w, x[i]) - y[i];
                for (var j = 0; j < x[i].Length; j++) grad[j] += err * x[i][j];
                grad[^1] += err;
            }
            for (var j = 0; j < w.Length; j++) w[j] -= learningRate * (grad[j] / x.Length + l2 * w[j]);
        }
        File.WriteAllText(modelPath, JsonSerializer.Serialize(new { weights = w, threads }));
    }

    public static void Evaluate(string modelPath, string testCsv, string metricsPath)
    {
        var w = JsonDocument.Parse(File.ReadAllText(modelPath)).RootElement.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var (x, y) = Features.Read(testCsv);
        var scored = x.Select((r, i) => (score: Predict(w, r), label: y[i])).OrderBy(s => s.score).ToList();
        double positives = scored.Count(s => s.label > 0.5), negatives = scored.Count - positives, rankSum = 0;
        for (var i = 0; i < scored.Count; i++) if (scored[i].label > 0.5) rankSum += i + 1;
        var auc = positives == 0 || negatives == 0 ? 0.5 : (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
        var accuracy = scored.Average(s => (s.score >= 0.5) == (s.label > 0.5) ? 1.0 : 0.0);
        File.WriteAllText(metricsPath, string.Create(CultureInfo.InvariantCulture, $"{{\"auc\": {Math.Round(auc, 6)}, \"accuracy\": {Math.Round(accuracy, 6)}}}\n"));
    }

    private static double Predict(double[] w, double[] row)
    {
        var z = w[^1];
        for (var j = 0; j < row.Length; j++) z += w[j] * row[j];
        return 1 / (1 + Math.Exp(-z));
    }
}
