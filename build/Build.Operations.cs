using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Monitoring.Drift;
using Pipeline.Serving;

namespace ReferencePipeline;

/// <summary>Operations: serving the production model and comparing datasets for drift.</summary>
internal sealed partial class Build
{
    [Parameter("REST port of the serving host (Serve; default 5080), or of the web UI (Ui; default 5090)")] readonly int? Port;
    [Parameter("gRPC port of the serving host (Serve); HTTP/2 cleartext needs its own port")] readonly int GrpcPort = 5081;
    [Parameter("Bearer token of the serving host's admin API (Serve, Deploy, Rollback)")] readonly string? AdminToken;
    [Parameter("Drift: the reference dataset (CSV)")] readonly string? Reference;
    [Parameter("Drift: the current dataset (CSV)")] readonly string? Current;
    [Parameter("Drift: force one method for every column (ks, chi2, psi, js, wasserstein)")] readonly string? Method;

    Target Serve => _ => _
        .Description("Host the production model on http://127.0.0.1:5080 (REST) and :5081 (gRPC); Ctrl-C drains and stops")
        .NoRepositoryLock()
        .Params(["model.name", .. PredictionLogParams])
        .AlwaysRun()
        .Executes(async ctx => await ServingHost.RunAsync(WithPredictionLog(new ServingOptions
        {
            RootDirectory = RootDirectory,
            ModelName = ctx.Param<string>("model.name"),
            Port = Port ?? DefaultServingPort,
            GrpcPort = GrpcPort,
            AdminToken = AdminToken,
            FallbackBelow = Serving.FallbackBelow,
        }), TimeProvider.System, ctx.CancellationToken));

    private ServeSettings? _serving;

    /// <summary>params.yaml's <c>serve</c> section, read once (Serve, and the prediction log Monitor, Retrain and Simulate read).</summary>
    private ServeSettings Serving => _serving ??= StageOptions.Read(() => ServeSettings.From(ParamsSection("serve")));

    // NOTE: serve.prediction_log (declared only when present, so params.yaml files without it keep their dvc.yaml).
    private string[] PredictionLogParams => Present(PredictionLogSetting.Key);

    /// <summary><paramref name="options"/> logging to serve.prediction_log: its SQLite file, or its PostgreSQL database.</summary>
    private ServingOptions WithPredictionLog(ServingOptions options) => Serving.PredictionLog is { Connection: { } connection }
        ? options with { PostgresConnectionString = connection }
        : options with { PredictionLogPath = Serving.PredictionLog.SqlitePath! };

    Target Drift => _ => _
        .Description("Drift report for any two datasets: --reference a.csv --current b.csv [--method ks]; writes reports/drift.json")
        .Requires(() => Reference != null)
        .Requires(() => Current != null)
        .Params(MonitorParams)
        .AlwaysRun()
        .Executes(ctx =>
        {
            // NOTE: the same drift settings as Monitor (params.yaml monitor.drift.*); --method overrides the method.
            var options = MonitoringOptionsOf(ctx).Drift;
            DriftReport report;
            try
            {
                if (Method is not null) options = options with { ForcedMethod = DriftMethods.Parse(Method) };
                report = new DriftAnalyzer(options).AnalyzeCsv(Path.GetFullPath(Reference!, RootDirectory), Path.GetFullPath(Current!, RootDirectory));
            }
            // NOTE: Monitoring reports a missing or malformed file, a column whose kind differs between the two files or
            // a bad --method with a message naming it; they are the user's to fix, so one line.
            catch (Exception e) when (e is FileNotFoundException or FormatException or ArgumentException)
            {
                throw new InputException(e.Message, e);
            }
            DriftReportFile.Write(report, Path.Combine(RootDirectory, "reports", "drift.json"));
            foreach (var column in report.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
                ctx.Log.Information($"{column.Name,-24} {column.Method,-12} statistic {column.Statistic:0.####}  p {column.PValue:0.####}  {(column.InsufficientData ? $"insufficient data ({column.ReferenceSize} vs {column.CurrentSize} values; no verdict)" : column.Drift ? "DRIFT" : "ok")}");
            ctx.Summary("drift_share", Math.Round(report.DriftShare, 3));
            ctx.Summary("dataset_drift", report.DatasetDrift);
        });
}
