using System.Globalization;
using System.Text.Json;

namespace Pipeline.Ui.Monitoring;

/// <summary>
/// One Retrain decision as <c>./build.sh Retrain</c> traces it (reports/retrain.json, and a line of
/// reports/retrain-history.jsonl): when, whether it retrained, the monitoring verdict and reasons behind it, the model,
/// and what came of it.
/// </summary>
internal sealed record RetrainRecord(
    DateTimeOffset? Time,
    string TimeText,
    bool Retrain,
    string? Model,
    string? Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> DriftedFeatures,
    int? ExitCode,
    string? ProductionBefore,
    string? ProductionAfter,
    string? Commit)
{
    /// <summary>The latest decision, relative to the root.</summary>
    public const string LatestPath = "reports/retrain.json";

    // NOTE: the name the build's RetrainTrace appends to.
    /// <summary>Every decision, one line each, relative to the root.</summary>
    public const string HistoryPath = "reports/retrain-history.jsonl";

    /// <summary>The decision as a word: "retrain" or "no retraining".</summary>
    public string Decision => Retrain ? "retrain" : "no retraining";

    /// <summary>Reads a trace; throws <see cref="KeyNotFoundException"/>, <see cref="InvalidOperationException"/> or <see cref="FormatException"/> when it is not one.</summary>
    public static RetrainRecord Parse(JsonElement r)
    {
        var trigger = r.GetProperty("trigger");
        var result = r.GetProperty("result");
        var time = Text(r, "time");
        return new RetrainRecord(
            DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            time ?? "-",
            r.GetProperty("retrain").GetBoolean(),
            Text(r, "model"),
            Text(trigger, "verdict"),
            Strings(trigger, "reasons"),
            Strings(trigger, "drifted_features"),
            result.TryGetProperty("exit_code", out var exit) && exit.ValueKind == JsonValueKind.Number ? exit.GetInt32() : null,
            Text(result, "production_before"),
            Text(result, "production_after"),
            Text(result, "commit"));
    }

    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Strings(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
}
