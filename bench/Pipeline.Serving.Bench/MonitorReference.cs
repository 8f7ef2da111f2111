using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The files a monitoring pass reads besides the host's log: a reference CSV built from the row the load sends
/// (1000 copies, one column per JSON property) and a fixed evaluation baseline (metrics.json).
/// </summary>
internal static class MonitorReference
{
    /// <summary>Writes the reference files under <c>{work}/monitor</c> and returns the inputs for <paramref name="predictionLog"/> (absolute).</summary>
    public static MonitoringInputs Create(string workDirectory, string rowJson, string predictionLog)
    {
        var folder = Path.Combine(workDirectory, "monitor");
        Directory.CreateDirectory(folder);
        using var row = JsonDocument.Parse(rowJson);
        var properties = row.RootElement.EnumerateObject().ToArray();
        var line = string.Join(',', properties.Select(p => p.Value.ValueKind switch
        {
            JsonValueKind.Number => p.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => p.Value.GetString(),
        }));
        var csv = new StringBuilder(string.Join(',', properties.Select(p => p.Name))).Append('\n');
        for (var i = 0; i < 1000; i++)
        {
            csv.Append(line).Append('\n');
        }

        var reference = Path.Combine(folder, "reference.csv");
        File.WriteAllText(reference, csv.ToString());
        var metrics = Path.Combine(folder, "metrics.json");
        File.WriteAllText(metrics, """{"accuracy": 0.9, "auc": 0.9, "threshold": 0.5}""");
        return new MonitoringInputs(predictionLog, reference, metrics);
    }
}
