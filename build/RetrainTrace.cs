using System.Globalization;
using System.Text.Json;
using Pipeline.Engine.Hashing;
using Pipeline.Ml.Data;
using Pipeline.Monitoring.Reports;
using Pipeline.Formats.IO;
using Pipeline.Formats.Json;

namespace ReferencePipeline;

/// <summary>
/// reports/retrain.json: why a retraining ran (the monitoring report that triggered it, by content hash, its verdict and
/// reasons), for which model, on which data (the snapshot it trained from, by hash), and what came of it (exit code,
/// the production version before and after, the git commit). Each decision is also appended as one line to
/// reports/retrain-history.jsonl (untracked, like Monitor's history), so every decision over time is kept.
/// </summary>
internal sealed record RetrainTrace(string Root, DateTimeOffset Time, RetrainDecision Decision)
{
    public const string Path = "reports/retrain.json";

    /// <summary>Every decision, one line each (<see cref="JsonLines"/>), oldest first.</summary>
    public const string HistoryPath = "reports/retrain-history.jsonl";

    /// <summary>The registered model the decision is about (params.yaml <c>model.name</c>).</summary>
    public string? Model { get; init; }

    /// <summary>The retraining run's exit code; null when no retraining ran.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The production version before the run.</summary>
    public string? ProductionBefore { get; init; }

    /// <summary>The production version after the run.</summary>
    public string? ProductionAfter { get; init; }

    /// <summary>HEAD after the run (the pipeline's commit with --commit).</summary>
    public string? Commit { get; init; }

    /// <summary>Writes the trace (atomically, in the layout of every JSON output) and appends it to the history.</summary>
    public void Write()
    {
        AtomicFile.WriteAllText(System.IO.Path.Combine(Root, Path), JsonLayout.Text(Document));
        JsonLines.AppendLine(System.IO.Path.Combine(Root, HistoryPath), JsonLayout.Line(Document));
    }

    private void Document(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("time", Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("model", Model);
        json.WriteBoolean("retrain", Decision.Retrain);
        json.WriteStartObject("trigger");
        json.WriteString("report", "reports/monitoring.json");
        json.WriteString("md5", Md5("reports/monitoring.json"));
        json.WriteString("verdict", Decision.Verdict.ToString());
        Strings(json, "reasons", Decision.Reasons);
        Strings(json, "drifted_features", Decision.DriftedFeatures.Select(f => f.Name));
        json.WriteEndObject();
        json.WriteStartObject("data");
        json.WriteString("snapshot", Paths.Snapshot);
        json.WriteString("md5", Md5(Paths.Snapshot));
        json.WriteEndObject();
        json.WriteStartObject("result");
        if (ExitCode is { } exit) json.WriteNumber("exit_code", exit); else json.WriteNull("exit_code");
        json.WriteString("production_before", ProductionBefore);
        json.WriteString("production_after", ProductionAfter);
        json.WriteString("commit", Commit);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // NOTE: the engine's DVC 3 file md5, so the value matches the one dvc.lock records for the same file.
    private string? Md5(string relative) =>
        System.IO.Path.Combine(Root, relative) is var file && File.Exists(file) ? FileHasher.Hash(file).ToString() : null;

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
