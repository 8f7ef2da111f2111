using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Git;
using Pipeline.Ml.Gate;
using Pipeline.Monitoring.Reports;

namespace ReferencePipeline;

/// <summary>The closed loop: a failing monitoring report becomes a training run on fresh data, traced in reports/retrain.json.</summary>
internal sealed partial class Build
{
    Target Retrain => _ => _
        .Description("Monitor, and when it warrants retraining: Ingest (new source rows + feedback-labelled traffic) → … → Deploy; traced in reports/retrain.json (every decision: reports/retrain-history.jsonl)")
        .NoRepositoryLock()
        .Params(MonitorParams)
        .AlwaysRun()
        .Executes(ctx =>
        {
            var trace = RetrainWhenWarranted(ctx, MonitoringReportOf(ctx), RolloutArguments(HoldSeconds, MaxScorePsi));
            ctx.Summary("retrain", trace.Decision.Retrain);
            if (trace.ProductionAfter is { } after) ctx.Summary("production", after);
            if (trace.ExitCode is { } exit and not 0)
                throw new CheckFailedException($"Retraining ran but did not deploy (exit {exit}); see the run above and {RetrainTrace.Path}.");
        });

    /// <summary>
    /// Decides from <paramref name="report"/>; when it says retrain, runs <c>./build.sh Deploy</c> (the engine re-runs
    /// what the new source rows and feedback changed, the gate compares with production, the rollout uses deploy.*),
    /// passing --commit and <paramref name="rollout"/> (see <see cref="RolloutArguments"/>) through. Writes the trace either way.
    /// </summary>
    private RetrainTrace RetrainWhenWarranted(ITargetContext ctx, MonitoringReport report, string[] rollout)
    {
        var decision = RetrainDecision.From(report, MonitoringOptionsOf(ctx));
        ctx.Log.Information(decision.ToString());
        var model = ParamsValue("model.name") ?? "fraud-detector";
        var trace = new RetrainTrace(RootDirectory, TimeProvider.System.GetUtcNow(), decision) { Model = model, ProductionBefore = ProductionVersion(model) };
        if (decision.Retrain)
        {
            WarnOnOtherFeedbackLog(ctx.Log);
            string[] args = [nameof(Deploy), .. Commit ? new[] { "--commit" } : [], .. rollout];
            var exit = PipelineProcess.Run(RootDirectory, RootDirectory, args);
            trace = trace with { ExitCode = exit, ProductionAfter = ProductionVersion(model), Commit = GitHead.Sha(RootDirectory) };
        }
        trace.Write();
        return trace;
    }

    // NOTE: the retraining run's Ingest appends the labelled traffic of ingest.feedback; a log other than the one Serve
    // writes (serve.prediction_log switched to PostgreSQL, ingest.feedback left on the SQLite file) retrains without it.
    private void WarnOnOtherFeedbackLog(ITargetLog log)
    {
        if (ParamsValue("ingest.feedback") is not { Length: > 0 } feedback) return;
        var served = Serving.PredictionLog;
        var same = served.Connection is { } connection
            ? string.Equals(feedback.Trim(), connection, StringComparison.Ordinal)
            : !Pipeline.Formats.PredictionLog.PredictionLogLocation.IsConnectionString(feedback) && Path.GetFullPath(feedback, RootDirectory) == served.Location(RootDirectory);
        if (!same) log.Warning($"ingest.feedback is not the log Serve writes ({PredictionLogSetting.Key}: {served}): the retraining run will not append the traffic this report judged.");
    }

    private string? ProductionVersion(string model) => RegistryFolder.ProductionVersion(Registry, model)?.ToString();
}
