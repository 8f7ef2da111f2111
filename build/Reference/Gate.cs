using System.Text.Json;
using Pipeline.Engine;

namespace ReferencePipeline;

/// <summary>The deploy gate: fails, naming the metric, its value and the threshold, when AUC is below the minimum.</summary>
internal static class Gate
{
    public static void Check(string metricsPath, double minAuc, string candidatePath, ITargetLog log)
    {
        var auc = JsonDocument.Parse(File.ReadAllText(metricsPath)).RootElement.GetProperty("auc").GetDouble();
        if (auc < minAuc) throw new InvalidOperationException($"Gate failed: auc {auc} < gate.min.auc {minAuc}. Nothing was deployed.");
        File.Copy(metricsPath, candidatePath, overwrite: true);
        log.Information($"Gate passed: auc {auc} >= {minAuc}");
    }
}
