using System.Diagnostics;
using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Ml.Sources;
using Pipeline.Serving;
using Pipeline.Serving.Admin;
using ReferencePipeline.Simulation;

namespace ReferencePipeline;

/// <summary>The closed loop as a seeded demo: serve, drift, feed back, detect, retrain, roll out.</summary>
internal sealed partial class Build
{
    [Parameter("Simulate: drift the simulated traffic (params.yaml simulate.*) after the steady phase, then close the loop", Name = "Drift")]
    readonly bool SimulateDrift;

    Target Simulate => _ => _
        .Description("Seeded demo on deploy.host: serve, send traffic (--drift: then drifted traffic), feed back labels, Monitor, Retrain, canary; reports/simulation.json")
        .NoRepositoryLock()
        .Params(["simulate", "source", .. MonitorParams, "model.name"])
        .AlwaysRun()
        .Executes(async ctx =>
        {
            var settings = StageOptions.Read(() => SimulationSettings.From(ctx.ParamSection("simulate"), ctx.ParamSection("source")));
            var model = ctx.Param<string>("model.name");
            if (ProductionVersion(model) is null && PipelineProcess.Run(RootDirectory, RootDirectory, nameof(Deploy)) != 0)
                throw new CheckFailedException("The pipeline did not deploy a production model to simulate with; see the run above.");
            if (PredictionLogAside.Move(Serving.PredictionLog, RootDirectory, TimeProvider.System) is { } aside) ctx.Log.Information(aside);
            var address = new Uri(ServingAddress);
            var token = SimulationAdminToken();
            await using var host = await StartSimulationHost(model, address, token, ctx.CancellationToken);
            using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
            var report = new SimulationReport();
            try
            {
                await RunScenario(ctx, settings, new TrafficClient(http, model), new AdminClient(http, token), report);
            }
            finally
            {
                report.Write(RootDirectory);
                ctx.Log.Information(report.Table());
                await host.StopAsync(CancellationToken.None);
            }
        });

    private async Task RunScenario(ITargetContext ctx, SimulationSettings settings, TrafficClient traffic, AdminClient admin, SimulationReport report)
    {
        var cancel = ctx.CancellationToken;
        await SendPhase(ctx, traffic, report, "steady", settings.Steady, 100_000_000, settings.Rows);
        if (!SimulateDrift) return;
        var drifted = await SendPhase(ctx, traffic, report, "drifted", settings.Drifted, 200_000_000, settings.DriftedRows, settings.MislabelShare);
        var trace = RetrainWhenWarranted(ctx, drifted, RolloutArguments(settings.HoldSeconds, settings.MaxScorePsi));
        report.Retrain = trace;
        if (!trace.Decision.Retrain) throw new CheckFailedException("Monitoring did not call for retraining after the drift; see reports/monitoring.json.");
        if (trace.ExitCode != 0) throw new CheckFailedException($"Retraining did not deploy (exit {trace.ExitCode}); see the run above.");

        var canary = new PhaseOutcome("canary");
        var waited = Stopwatch.StartNew();
        for (var chunk = 0; await ReadRollout(admin, report, cancel) == "running"; chunk++)
        {
            if (waited.Elapsed.TotalSeconds > settings.TimeoutSeconds) throw new CheckFailedException($"The canary was still running after simulate.timeout_seconds = {settings.TimeoutSeconds}.");
            var rows = CardTransactionsSource.Generate(settings.Drifted with { Seed = settings.Drifted.Seed + 100 + chunk }, 300_000_000 + chunk * 1000L, Day(3), 100);
            canary.Add(await traffic.SendAsync($"canary{chunk}", rows, cancel));
        }
        report.Add(canary, null);
        ctx.Log.Information($"Canary of {trace.ProductionAfter}: {report.Rollout} ({report.RolloutReason}).");

        if (report.Rollout != "promoted")
        {
            await SendPhase(ctx, traffic, report, "retrained", settings.Drifted with { Seed = settings.Drifted.Seed + 1 }, 400_000_000, settings.Rows);
            throw new CheckFailedException($"The retrained model was not promoted: the canary ended {report.Rollout} ({report.RolloutReason}); see reports/simulation.json.");
        }

        await using var shadow = await StartShadowHost(ctx, trace.ProductionBefore!, cancel);
        using var shadowHttp = new HttpClient { BaseAddress = Pipeline.Serving.ServingHost.Addresses(shadow).Rest, Timeout = TimeSpan.FromSeconds(30) };
        traffic.Shadow = shadowHttp;
        await SendPhase(ctx, traffic, report, "retrained", settings.Drifted with { Seed = settings.Drifted.Seed + 1 }, 400_000_000, settings.Rows);
        await shadow.StopAsync(CancellationToken.None);
    }

    // NOTE: the previous production model scores the rows after the promotion on a host of its own (any free port, no
    // admin API, its own log under .nuke/temp), so Monitor and the feedback join see the production host's log only.
    private async Task<Microsoft.AspNetCore.Builder.WebApplication> StartShadowHost(ITargetContext ctx, string version, CancellationToken cancel)
    {
        var log = Path.Combine(RootDirectory, ".nuke", "temp", "simulate-shadow.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(log + suffix);
        var host = ServingHost.Build(new ServingOptions
        {
            RootDirectory = RootDirectory,
            ModelName = ctx.Param<string>("model.name"),
            ModelVersion = version,
            Port = 0,
            GrpcPort = 0,
            PredictionLogPath = log,
        }, TimeProvider.System);
        await host.StartAsync(cancel);
        ctx.Log.Information($"The previous production model {version} scores the traffic after the promotion in shadow.");
        return host;
    }

    /// <summary>Sends one phase of traffic with its labels, then writes the monitoring report for it (reports/monitoring.*).</summary>
    private async Task<Pipeline.Monitoring.Reports.MonitoringReport> SendPhase(ITargetContext ctx, TrafficClient traffic, SimulationReport report,
        string phase, CardTransactionsOptions options, long firstId, int rows, double mislabelShare = 0)
    {
        var outcome = await traffic.SendAsync(phase, CardTransactionsSource.Generate(options, firstId, Day(report.Phases.Count), rows), ctx.CancellationToken, mislabelShare, MislabelSeed(options.Seed));
        var monitoring = MonitoringReportOf(ctx);
        report.Add(outcome, monitoring.Verdict.ToString());
        ctx.Log.Information($"{phase}: {outcome.Predictions} predictions; monitoring: {monitoring.Verdict}.");
        return monitoring;
    }

    // NOTE: the host's admin API is off without a token, and the demo drives rollouts through it (itself and through
    // the Deploy its Retrain runs in a child ./build.sh, which reads the parameter from the inherited environment):
    // without --admin-token, a random one for this run.
    private string SimulationAdminToken()
    {
        if (AdminToken is { Length: > 0 } given) return given;
        var token = System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        Environment.SetEnvironmentVariable("ADMIN_TOKEN", token);
        return token;
    }

    private async Task<Microsoft.AspNetCore.Builder.WebApplication> StartSimulationHost(string model, Uri address, string token, CancellationToken cancel)
    {
        var host = ServingHost.Build(WithPredictionLog(new ServingOptions
        {
            RootDirectory = RootDirectory,
            ModelName = model,
            ModelVersion = ProductionVersion(model),
            Port = address.Port,
            GrpcPort = 0,  // the demo speaks REST; gRPC takes any free port rather than one that may be in use
            AdminToken = token,
        }), TimeProvider.System);
        try
        {
            await host.StartAsync(cancel);
            return host;
        }
        catch (Exception e) when (e is IOException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            await host.DisposeAsync();
            throw new UsageException($"Simulate serves on deploy.host ({address}) and its port is taken ({e.Message}): stop ./build.sh Serve, or point deploy.host at a free port.");
        }
    }

    /// <summary>Records the host's rollout phase and reason in <paramref name="report"/>; returns the phase.</summary>
    private static async Task<string?> ReadRollout(AdminClient admin, SimulationReport report, CancellationToken cancel)
    {
        var state = await admin.GetRolloutAsync(cancel);
        report.RolloutReason = state.GetProperty("reason").GetString();
        return report.Rollout = state.GetProperty("phase").GetString();
    }

    // NOTE: not the traffic's own seed: the generator draws from Random(options.Seed), and the same stream would tie the
    // inverted labels to the first draws of each row.
    private static int MislabelSeed(int trafficSeed) => unchecked(trafficSeed * 7919 + 104_729);

    private static DateTimeOffset Day(int phase) => new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(30 * phase);
}
