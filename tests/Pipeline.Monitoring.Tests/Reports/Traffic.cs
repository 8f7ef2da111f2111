using System.Globalization;
using System.Text;
using Pipeline.Monitoring.Tests.Logs;

namespace Pipeline.Monitoring.Tests.Reports;

/// <summary>Seeded synthetic traffic: a numeric feature x, a categorical device, a calibrated-looking score and feedback.</summary>
internal static class Traffic
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes train.csv (id, x, device, label) with x ~ N(0, 1) and 70% mobile; returns its path.</summary>
    public static string WriteReference(string folder, int rows = 500)
    {
        var random = new Random(7);
        var csv = new StringBuilder("id,x,device,label\n");
        for (var i = 0; i < rows; i++)
        {
            var x = Normal(random);
            csv.Append(CultureInfo.InvariantCulture, $"{i},{x:R},{(random.NextDouble() < 0.7 ? "mobile" : "desktop")},{(x > 0 ? "true" : "false")}\n");
        }

        var path = Path.Combine(folder, "train.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>Writes metrics.json with the given baseline; returns its path.</summary>
    public static string WriteMetrics(string folder, double accuracy = 0.9, double auc = 0.85)
    {
        var path = Path.Combine(folder, "metrics.json");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
            $"{{\n  \"auc\": {auc},\n  \"accuracy\": {accuracy},\n  \"threshold\": 0.5,\n  \"confusion_matrix\": {{}}\n}}\n"));
        return path;
    }

    /// <summary>
    /// Adds <paramref name="count"/> predictions one second apart. x ~ N(shift, 1); p = sigmoid(2x).
    /// With labels, the truth is the predicted label except every 10th (accuracy 0.9), or, from <paramref name="dropFrom"/> on,
    /// every 2nd (accuracy 0.5).
    /// </summary>
    public static void Add(PredictionLogFile log, int count, double shift = 0, double mobileShare = 0.7, bool labels = true, int dropFrom = int.MaxValue)
    {
        var random = new Random(11);
        log.Batch(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var x = Normal(random) + shift;
                var device = random.NextDouble() < mobileShare ? "mobile" : "desktop";
                var p = 1 / (1 + Math.Exp(-2 * x));
                var predicted = p >= 0.5;
                var id = "r" + i.ToString("D5", CultureInfo.InvariantCulture);
                var time = Start.AddSeconds(i);
                log.AddPrediction(id, time,
                    string.Create(CultureInfo.InvariantCulture, $"{{\"x\":{x:R},\"device\":\"{device}\"}}"),
                    string.Create(CultureInfo.InvariantCulture, $"{{\"probability\":{p:R},\"label\":{(predicted ? "true" : "false")}}}"),
                    5 + (i % 20));
                if (!labels) continue;
                var wrong = i >= dropFrom ? i % 2 == 0 : i % 10 == 0;
                log.AddFeedback(id, time.AddMinutes(5), predicted != wrong ? "true" : "false");
            }
        });
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
