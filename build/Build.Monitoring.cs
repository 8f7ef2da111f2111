using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Monitoring.Reports;

namespace ReferencePipeline;

/// <summary>Monitoring the served model (the retraining it can trigger is in Build.Retrain.cs).</summary>
internal sealed partial class Build
{
    Target Monitor => _ => _
        .Description("Drift + performance report for the recent window of served traffic (reports/monitoring.*); exit 0 = healthy")
        .NoRepositoryLock()
        .Params(MonitorParams)
        .AlwaysRun()
        .Executes(ctx =>
        {
            var report = MonitoringReportOf(ctx);
            ctx.Summary("verdict", report.Verdict);
            if (report.Verdict is not (MonitoringVerdict.Healthy or MonitoringVerdict.InsufficientData))
                throw new CheckFailedException($"Monitoring verdict: {report.Verdict}: {string.Join("; ", report.Reasons)}");
        });

    private MonitoringReport MonitoringReportOf(ITargetContext ctx)
    {
        var setting = Serving.PredictionLog;
        var log = setting.Location(RootDirectory);
        if (setting.SqlitePath is { } path && !File.Exists(log)) throw new UsageException($"No prediction log at {path}: serve the model first (./build.sh Serve).");
        var hosts = ServingHostReadings();
        foreach (var note in hosts.Select(h => h.Note).OfType<string>()) ctx.Log.Information(note);
        var inputs = MonitoringInputsOf(log, ctx.Log);
        if (IsRecommendation) inputs = inputs with { Recommendation = RecommendationReferenceOf(inputs) };
        MonitoringReport report;
        try
        {
            report = MonitoringRun.Build(inputs, MonitoringOptionsOf(ctx), TimeProvider.System, hosts);
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw setting.Unreadable(e);
        }

        MonitoringReportFile.Write(report, Path.Combine(RootDirectory, "reports", "monitoring.json"), Path.Combine(RootDirectory, "reports", "monitoring.html"));
        // NOTE: monitoring.json is the latest run only; the history keeps every run for the UI's charts over time.
        MonitoringHistory.Append(report, Path.Combine(RootDirectory, "reports", MonitoringHistory.FileName));
        ctx.Log.Information($"{report.Verdict}: {string.Join("; ", report.Reasons)} (reports/monitoring.json, reports/monitoring.html, reports/{MonitoringHistory.FileName})");
        return report;
    }

    /// <summary>
    /// The production version's registered profile and metrics (so the baseline follows the model that serves), else,
    /// with a note, the workspace's train.csv and metrics.json (no production version, or one registered before profiles
    /// kept a row sample).
    /// </summary>
    private MonitoringInputs MonitoringInputsOf(string log, ITargetLog output)
    {
        if (Pipeline.Ml.Gate.RegistryFolder.ProductionVersion(Registry, ModelName) is { } version
            && Pipeline.Ml.Gate.RegistryFolder.Production(Registry, ModelName) is { } folder && MonitoringInputs.HasRegisteredBaseline(folder))
            return MonitoringInputs.Registered(RootDirectory, log, folder, version.ToString());
        output.Information($"No registered production baseline for {ModelName} (a version with profile.json and metrics.json): the workspace's data/features/train.csv and metrics.json are the baseline.");
        return MonitoringInputs.Conventional(RootDirectory, log);
    }

    /// <summary>
    /// A recommender's training interactions per user and item, from the model the baseline comes from (the registered
    /// production version's model.zip, else the workspace's): monitoring compares recent traffic's activity with them.
    /// </summary>
    private Pipeline.Monitoring.Recommendations.RecommendationReference RecommendationReferenceOf(MonitoringInputs inputs)
    {
        var model = inputs.Version is null ? Path.Combine(RootDirectory, Paths.Model) : Path.Combine(Path.GetDirectoryName(inputs.Metrics)!, "model.zip");
        if (!File.Exists(model)) throw new UsageException($"No recommender model at {Path.GetRelativePath(RootDirectory, model)}: train it (./build.sh Train) before monitoring its traffic.");
        var (users, items) = Pipeline.Ml.Recommendation.RecommenderModel.Load(model).TrainingCounts();
        return new Pipeline.Monitoring.Recommendations.RecommendationReference(users, items);
    }

    /// <summary>
    /// CPU, memory, GC and request counts from the /metrics of every serving host of params.yaml deploy.host (read at
    /// the same time, in deploy.host order); a host that does not answer within 2 s gives a note, never a failure.
    /// </summary>
    private Pipeline.Monitoring.Hosts.HostReading[] ServingHostReadings()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var scraper = new Pipeline.Monitoring.Hosts.HostScraper(http, TimeProvider.System);
        // NOTE: each read waits 1 s between its two scrapes; reading the hosts at once keeps Monitor at ~1 s for any number.
        return Task.WhenAll(ServingAddresses.Select(address => Task.Run(() => scraper.Read(address)))).GetAwaiter().GetResult();
    }

    // NOTE: evaluate.cost_fn_fp (declared only when present) gives the base-rate re-check Train's rule on labelled traffic;
    // serve.prediction_log (likewise) is the log the report reads.
    private string[] MonitorParams => ["monitor", .. Present("evaluate.cost_fn_fp"), .. PredictionLogParams];

    private MonitoringOptions MonitoringOptionsOf(ITargetContext ctx) => StageOptions.Read(() => MonitoringOptions.FromParams(ctx.ParamSection("monitor")) with
    {
        CostFnFp = Pipeline.Ml.Evaluation.EvaluationOptions.CostFnFp(OptionalParam(ctx, "evaluate.cost_fn_fp")),
    });
}
