using System.Globalization;
using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Serving.Admin;
using Pipeline.Serving.Rollouts;

namespace ReferencePipeline;

/// <summary>How a deployed version reaches the serving hosts: the rollout plan from deploy.*, the hosts, and Rollback.</summary>
internal sealed partial class Build
{
    [Parameter("Deploy: seconds a canary holds each step before the next (default: deploy.hold_seconds, else 300)")] readonly double? HoldSeconds;
    [Parameter("Deploy: the canary's largest PSI between its scores and the stable model's, or none (default: deploy.max_score_psi, else 0.25)")] readonly string? MaxScorePsi;

    /// <summary>
    /// How Deploy rolls <paramref name="version"/> out: deploy.strategy, deploy.steps, deploy.hold_seconds (or --hold-seconds),
    /// deploy.max_score_psi (or --max-score-psi), deploy.max_label_wait_seconds.
    /// </summary>
    private RolloutRequest RolloutPlan(string version)
    {
        var deploy = DeploySettingsOf();
        return new()
        {
            Strategy = deploy.Strategy,
            Version = version,
            Steps = deploy.Steps,
            HoldSeconds = HoldSeconds ?? deploy.HoldSeconds,
            MaxLabelWaitSeconds = deploy.MaxLabelWaitSeconds,
            Bounds = new CanaryBounds
            {
                MaxPsi = (MaxScorePsi ?? deploy.MaxScorePsi) switch
                {
                    null or "" => 0.25,
                    "none" => null,
                    var psi => StageOptions.Read(() => ParamValue.Number("deploy.max_score_psi", psi, min: 0)),
                },
            },
        };
    }

    /// <summary>The deploy section of params.yaml, read once per invocation; a bad key or value ends the target in one line.</summary>
    private DeploySettings DeploySettingsOf() => _deploySettings ??= StageOptions.Read(() => DeploySettings.From(ParamsSection("deploy")));

    private DeploySettings? _deploySettings;

    /// <summary>Command-line overrides of the rollout, for a Deploy run started by another target (Retrain, Simulate).</summary>
    private static string[] RolloutArguments(double? holdSeconds, string? maxScorePsi) =>
    [
        .. holdSeconds is { } hold ? new[] { "--hold-seconds", hold.ToString(CultureInfo.InvariantCulture) } : [],
        .. maxScorePsi is { } psi ? new[] { "--max-score-psi", psi } : [],
    ];

    /// <summary>
    /// The serving hosts of deploy.host (one address, or several for replicas behind a load balancer: a list or
    /// comma-separated); Deploy and Rollback address each, as every replica keeps its own rollout state.
    /// </summary>
    private string[] ServingAddresses => ServingAddressesOn(Port ?? DefaultServingPort);

    /// <summary>The serving hosts of deploy.host, or the local host on <paramref name="port"/> when it is not set.</summary>
    private string[] ServingAddressesOn(int port) =>
        DeploySettingsOf().Hosts is { Count: > 0 } hosts ? [.. hosts] : [$"http://127.0.0.1:{port}"];

    /// <summary>The serving host's REST port when --port is not given.</summary>
    private const int DefaultServingPort = 5080;

    /// <summary>The first serving host: the one Simulate serves on.</summary>
    private string ServingAddress => ServingAddresses[0];

    Target Rollback => _ => _
        .Description("Put the previous model back on the serving host (takes effect at once)")
        .NoRepositoryLock()
        .Executes(ctx =>
        {
            // NOTE: every replica is asked even when one fails, so one host that is down does not keep the others on the bad model.
            var failed = new List<string>();
            foreach (var host in ServingAddresses)
            {
                try
                {
                    Rollout.Rollback(host, AdminToken, ctx.Log);
                }
                catch (Exception e) when (e is HttpRequestException or AdminException or TaskCanceledException)
                {
                    ctx.Log.Error($"Rollback on {host} failed: {e.Message}");
                    failed.Add(host);
                }
            }
            if (failed.Count > 0) throw new CheckFailedException($"Rollback failed on {string.Join(", ", failed)} ({failed.Count} of {ServingAddresses.Length} hosts).");
        });
}
