using Pipeline.Engine;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.Params;
using Pipeline.Git;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;

namespace ReferencePipeline;

/// <summary>
/// Gate → Register → Deploy, one job each: check the thresholds, put the model in the registry as its production
/// version, roll that version out to the serving hosts. <c>./build.sh Deploy</c> runs all three.
/// </summary>
internal sealed partial class Build
{
    Target Gate => _ => _
        .Description("Check metrics.json against the params.yaml gate thresholds; reports/gate.txt when every condition holds")
        .Inputs(Paths.Metrics)
        .Params("gate")
        .Outputs(Paths.GateReport)
        .Executes(ctx =>
        {
            // NOTE: data.task is read undeclared: which metrics metrics.json holds (a declared input) already follows from it.
            var task = StageOptions.Read(() => DataOptions.ParseTask(ParamsValue("data.task") ?? ""));
            var options = StageOptions.Read(() => GateOptions.FromParams(ctx.ParamSection("gate"))).ForTask(task);
            if (options.NotApplicable.Count > 0)
                ctx.Log.Information($"Gate conditions on metrics a {task.ToString().ToLowerInvariant()} task does not have were left out: {string.Join(", ", options.NotApplicable.Select(c => "gate." + c))}.");
            if (options.Defaulted is { } defaulted)
                ctx.Log.Information($"No gate condition applies to a {task.ToString().ToLowerInvariant()} task: gating on gate.{defaulted} ≥ {GateOptions.DefaultMinimum(task)} (set gate.{defaulted} in params.yaml to change it).");
            var gate = DeployGate.Check(ctx.Input(Paths.Metrics), options);
            ctx.Log.Information(gate.ToTable());
            if (!gate.Passed) throw new CheckFailedException(gate.FailureMessage());
            File.WriteAllText(ctx.Output(Paths.GateReport), gate.ToTable());
        });

    Target Register => _ => _
        .Description("Register the gated model in models/registry and make it the production version")
        .Inputs(Paths.GateReport, Paths.Metrics, Paths.Model, Paths.ModelInfo, Paths.Schema, Paths.Profile)
        .Params("model.name")
        .Outputs(Paths.Registration)
        .NoRunCache()
        .Executes(ctx =>
        {
            var model = ctx.Param<string>("model.name");
            var files = new RegistryFiles(ctx.Input(Paths.Model))
            {
                Schema = ctx.Input(Paths.Schema),
                Metrics = ctx.Input(Paths.Metrics),
                Profile = ctx.Input(Paths.Profile),
                Extra = [ctx.Input(Paths.ModelInfo), ctx.Input(Paths.GateReport)],
            };
            // NOTE: the gate report is registered with the version (the UI shows it per version) but is not lineage: it
            // states the checks, the inputs are the model's.
            var hashes = ctx.InputHashes.Where(h => h.Key != Paths.GateReport).ToDictionary(h => h.Key, h => h.Value);
            var lineage = new Lineage(GitHead.Sha(RootDirectory) ?? "unknown", hashes);
            var bump = TrainingParamsChanged(ctx) ? VersionBump.Minor : VersionBump.Patch;
            var known = RegistryFolder.Versions(Registry, model);
            var version = RegistryFolder.Register(Registry, model, files, lineage, TimeProvider.System, bump);
            if (known.Contains(version)) ctx.Log.Information($"{model} {version} already holds this model and lineage (an interrupted Deploy registered it); reusing it.");
            RegistryFolder.Promote(Registry, model, version);
            File.WriteAllBytes(ctx.Output(Paths.Registration), new Registration(model, version).ToJson());
            ctx.Summary("registered", $"{model} {version}");
        });

    Target Deploy => _ => _
        .Description("Gate, register, and roll the production version out to the serving hosts (deploy.strategy)")
        .Inputs(Paths.Registration)
        .NoRunCache()
        .Executes(ctx =>
        {
            var registration = Registration.Read(ctx.Input(Paths.Registration));
            // NOTE: deploy.* is how to roll out, not what the model is, so it is read undeclared: changing the strategy
            // must not re-run Deploy and roll the same model out again.
            foreach (var host in ServingAddresses) Rollout.Start(host, AdminToken, RolloutPlan(registration.Version.ToString()), ctx.Log);
        });

    private string Registry => Path.Combine(RootDirectory, Paths.Registry);

    [Parameter(List = false)] readonly bool IsGateRetry;

    /// <summary>
    /// gate.retries: when the gate fails, go back to training with twice the search budget (written to params.yaml
    /// with --set, so the retry is recorded and reproducible) and try again, up to that many times.
    /// </summary>
    private int RetryFailedGate(IReadOnlyList<TargetRunResult> results, int exitCode)
    {
        var retries = !IsGateRetry && int.TryParse(ParamsValue("gate.retries"), out var r) ? r : 0;
        var gateFailed = results.Any(t => t.Name == nameof(Gate) && t.FailedWith(FailureKind.CheckFailed));
        for (var attempt = 1; gateFailed && attempt <= retries; attempt++)
        {
            var budget = int.TryParse(ParamsValue("train.budget"), out var b) ? b : 24;
            Console.WriteLine($"Gate failed; retry {attempt} of {retries}: back to training with train.budget={budget * 2}.");
            exitCode = PipelineProcess.Run(RootDirectory, RootDirectory, nameof(Deploy), "--set", $"train.budget={budget * 2}", "--is-gate-retry");
            ResetParamsCache();
            gateFailed = exitCode != 0;
        }
        return exitCode;
    }

    /// <summary>Minor bump when the training parameters changed since the production model, patch otherwise (new data).</summary>
    private bool TrainingParamsChanged(ITargetContext ctx) =>
        RegistryFolder.Production(Registry, ctx.Param<string>("model.name")) is { } production &&
        File.Exists(Path.Combine(production, "model.json")) &&
        File.ReadAllText(Path.Combine(production, "model.json")) is var old &&
        ModelParamsOf(old) != ModelParamsOf(File.ReadAllText(ctx.Input(Paths.ModelInfo)));

    private static string ModelParamsOf(string modelJson) =>
        System.Text.Json.JsonDocument.Parse(modelJson).RootElement.TryGetProperty("params", out var p) ? p.GetRawText() : "";
}
