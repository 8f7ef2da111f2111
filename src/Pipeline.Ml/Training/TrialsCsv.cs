using System.Globalization;
using System.Text;

namespace Pipeline.Ml.Training;

/// <summary>
/// Writes reports/trials.csv (<c>trial,rung,data_fraction,trainer,params,metric,value,error</c>; params as a JSON
/// object with sorted keys and the exact sampled values; value rounded to 6 decimals, empty when the trial failed) and, separately, the
/// non-reproducible wall times (<c>trial,rung,duration_ms</c>). Rows are in rung, then trial order.
/// </summary>
internal static class TrialsCsv
{
    /// <summary>Writes the trials file atomically.</summary>
    public static void Write(string path, IEnumerable<TrialResult> trials, string metric)
    {
        var text = new StringBuilder("trial,rung,data_fraction,trainer,params,metric,value,error\n");
        foreach (var t in Ordered(trials))
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Trial},{t.Rung},{Number(t.DataFraction)},{t.Trainer},{Quote(ParamsJson(t.Params))},{metric},{Number(t.Value)},{Quote(t.Error ?? "")}\n");
        }

        AtomicText.Write(path, text.ToString());
    }

    /// <summary>Writes the timing file atomically.</summary>
    public static void WriteTiming(string path, IEnumerable<TrialResult> trials)
    {
        var text = new StringBuilder("trial,rung,duration_ms\n");
        foreach (var t in Ordered(trials))
        {
            text.Append(CultureInfo.InvariantCulture, $"{t.Trial},{t.Rung},{t.DurationMs}\n");
        }

        AtomicText.Write(path, text.ToString());
    }

    /// <summary>The parameters as a compact JSON object with keys in ordinal order.</summary>
    public static string ParamsJson(IReadOnlyDictionary<string, double> parameters) =>
        "{" + string.Join(",", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{p.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}";

    /// <summary>Invariant shortest round-trip text of a value rounded to 6 decimals; empty for NaN.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "" : Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);

    private static IEnumerable<TrialResult> Ordered(IEnumerable<TrialResult> trials) => trials.OrderBy(t => t.Rung).ThenBy(t => t.Trial);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
