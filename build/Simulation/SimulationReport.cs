using System.Globalization;
using System.Text;
using Pipeline.Ml.Data;
using Pipeline.Formats.Json;

namespace ReferencePipeline.Simulation;

/// <summary>
/// The demo's timeline: each phase's predictions and accuracy per model version (after a promotion also the previous
/// production model's, scored in shadow on the same rows), and the monitoring verdict after it.
/// </summary>
internal sealed class SimulationReport
{
    public const string Path = "reports/simulation.json";

    private readonly List<(PhaseOutcome Outcome, string? Verdict)> phases = [];

    /// <summary>The retraining's trace, when one ran.</summary>
    public RetrainTrace? Retrain { get; set; }

    /// <summary>How the canary ended (promoted, rolled_back, or still running at the timeout).</summary>
    public string? Rollout { get; set; }

    /// <summary>The host's reason for the rollout's last state change.</summary>
    public string? RolloutReason { get; set; }

    /// <summary>The phases so far.</summary>
    public IReadOnlyList<(PhaseOutcome Outcome, string? Verdict)> Phases => phases;

    /// <summary>Records a phase and the verdict of the monitoring report that followed it (null: none).</summary>
    public void Add(PhaseOutcome outcome, string? verdict) => phases.Add((outcome, verdict));

    /// <summary>A plain text table of the phases.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"phase",-10} {"model",-10} {"predictions",11} {"accuracy",9} {"auc",7}  monitor");
        foreach (var (outcome, verdict) in phases)
        {
            foreach (var version in outcome.Versions)
            {
                var auc = outcome.AucOf(version) is { } a ? a.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a";
                var model = outcome.IsShadow(version) ? version + "*" : version;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{outcome.Name,-10} {model,-10} {outcome.PredictionsOf(version),11} {outcome.AccuracyOf(version),9:0.0000} {auc,7}  {verdict ?? ""}");
            }
        }
        if (phases.Any(p => p.Outcome.Versions.Any(p.Outcome.IsShadow))) text.AppendLine("* the previous production model, scored in shadow on the same rows");
        return text.ToString();
    }

    /// <summary>Writes reports/simulation.json under <paramref name="root"/>.</summary>
    public void Write(string root)
    {
        JsonLayout.Write(System.IO.Path.Combine(root, Path), json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("phases");
            foreach (var (outcome, verdict) in phases)
            {
                json.WriteStartObject();
                json.WriteString("phase", outcome.Name);
                json.WriteNumber("predictions", outcome.Predictions);
                json.WriteStartObject("by_version");
                foreach (var version in outcome.Versions)
                {
                    json.WriteStartObject(version);
                    json.WriteNumber("predictions", outcome.PredictionsOf(version));
                    json.WriteNumber("accuracy", Math.Round(outcome.AccuracyOf(version), 6));
                    if (outcome.AucOf(version) is { } auc) json.WriteNumber("auc", Math.Round(auc, 6)); else json.WriteNull("auc");
                    if (outcome.IsShadow(version)) json.WriteBoolean("shadow", true);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
                json.WriteString("monitor", verdict);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("retrain", Retrain is null ? null : RetrainTrace.Path);
            json.WriteString("production_before", Retrain?.ProductionBefore);
            json.WriteString("production_after", Retrain?.ProductionAfter);
            json.WriteString("rollout", Rollout);
            json.WriteString("rollout_reason", RolloutReason);
            json.WriteEndObject();
        });
    }
}
