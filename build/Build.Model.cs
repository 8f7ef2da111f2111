using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Git;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>The model half: training with hyper-parameter search, evaluation against production, and the deploy gate.</summary>
internal sealed partial class Build
{
    private bool ExportOnnx => ParamsValue("train.onnx") is { Length: > 0 } onnx && StageOptions.Read(() => ParamValue.Boolean("train.onnx", onnx));

    Target Train => _ => _
        .Description("Search trainers and hyper-parameters, refit the best on all training rows")
        .Inputs(Paths.TrainSet, Paths.Featurizer)
        .Params("train", "data.task")
        .Outputs(Paths.Model, Paths.ModelInfo, Paths.Trials)
        .When(ExportOnnx, d => d.Outputs(Paths.Onnx))
        .Executes(ctx =>
        {
            var options = StageOptions.Read(() => TrainOptions.FromParams(TaskOf(ctx), ctx.ParamSection("train")));
            var outputs = new TrainOutputs(ctx.Output(Paths.Model), ctx.Output(Paths.Trials)) { OnnxPath = ExportOnnx ? ctx.Output(Paths.Onnx) : null };
            var result = ModelTrainer.Run(ctx.Input(Paths.TrainSet), ctx.Input(Paths.Featurizer), options, outputs, cancellation: ctx.CancellationToken);
            if (ExportOnnx && !result.Onnx.Exported) throw new CheckFailedException($"ONNX export failed: {result.Onnx.Note}. Set train.onnx: false to skip it.");
            ctx.Summary("trials", result.Trials.Count);
            ctx.Summary("best", result.Best.Trainer);
            ctx.Summary(options.ResolvedMetric, Math.Round(result.Best.Value, 4));
        });

    Target Evaluate => _ => _
        .Description("Score the holdout, compare with the production model, write metrics.json and reports")
        .Inputs(Paths.Model, Paths.ModelInfo, Paths.TestSet)
        .Params("evaluate", "data.task", "data.label", "model.name")
        .Metrics(Paths.Metrics)
        .Plots(Paths.EvaluationReports)
        .Executes(ctx =>
        {
            // NOTE: the production model is registry state, not a declared input: a newly promoted model does not
            // re-run Evaluate by itself; the comparison is with what was in production when Evaluate last ran.
            var production = ProductionModel.Folder(RootDirectory, Registry, ctx.Param<string>("model.name"));
            var evaluation = new EvaluationOptions
            {
                Task = TaskOf(ctx),
                ModelPath = ctx.Input(Paths.Model),
                HoldoutPath = ctx.Input(Paths.TestSet),
                MetricsPath = ctx.Output(Paths.Metrics),
                ReportsDirectory = ctx.Output(Paths.EvaluationReports),
                ProductionModelPath = production is null ? null : Path.Combine(production, "model.zip"),
                ProductionLabel = production is null ? null : Path.GetFileName(production),
                LabelColumn = ctx.Param<string>("data.label"),
            };
            var options = StageOptions.Read(() => evaluation.WithParams(ctx.ParamSection("evaluate")));
            var result = Evaluator.Run(options, ctx.CancellationToken);
            ctx.Summary(result.MainMetric, Math.Round(result[result.MainMetric], 4));
        });

    Target Deploy => _ => _
        .Description("Gate on params.yaml thresholds; register and promote the model when every condition holds")
        .Inputs(Paths.Metrics, Paths.Model, Paths.ModelInfo, Paths.Schema, Paths.Profile)
        .Params("gate", "model.name")
        .Outputs(Paths.GateReport)
        .NoRunCache()
        .Executes(ctx =>
        {
            var gate = DeployGate.Check(ctx.Input(Paths.Metrics), StageOptions.Read(() => GateOptions.FromParams(ctx.ParamSection("gate"))));
            ctx.Log.Information(gate.ToTable());
            if (!gate.Passed) throw new CheckFailedException(gate.FailureMessage());
            var model = ctx.Param<string>("model.name");
            var files = new RegistryFiles(ctx.Input(Paths.Model))
            {
                Schema = ctx.Input(Paths.Schema),
                Metrics = ctx.Input(Paths.Metrics),
                Profile = ctx.Input(Paths.Profile),
                Extra = [ctx.Input(Paths.ModelInfo)],
            };
            var lineage = new Lineage(GitHead.Sha(RootDirectory) ?? "unknown", ctx.InputHashes);
            var bump = TrainingParamsChanged(ctx) ? VersionBump.Minor : VersionBump.Patch;
            var known = RegistryFolder.Versions(Registry, model);
            var version = RegistryFolder.Register(Registry, model, files, lineage, TimeProvider.System, bump);
            if (known.Contains(version)) ctx.Log.Information($"{model} {version} already holds this model and lineage (an interrupted Deploy registered it); reusing it.");
            RegistryFolder.Promote(Registry, model, version);
            _deployed = (model, version.ToString());
            File.WriteAllText(ctx.Output(Paths.GateReport), gate.ToTable());
            ctx.Summary("registered", $"{model} {version}");
            // NOTE: deploy.* is how to roll out, not what the model is, so it is read undeclared: changing the strategy
            // must not re-run Deploy and register the same model again.
            foreach (var host in ServingAddresses) Rollout.Start(host, AdminToken, RolloutPlan(version.ToString()), ctx.Log);
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
        var gateFailed = results.Any(t => t.Name == nameof(Deploy) && t.Status == "failed" && t.Reason.StartsWith("Deploy gate failed", StringComparison.Ordinal));
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

    /// <summary>The model and version Deploy registered in this run, for the git tag written after --commit.</summary>
    private (string Model, string Version)? _deployed;

    /// <summary>Minor bump when the training parameters changed since the last deployed model, patch otherwise (new data).</summary>
    private bool TrainingParamsChanged(ITargetContext ctx) =>
        ProductionModel.Folder(RootDirectory, Registry, ctx.Param<string>("model.name")) is { } production &&
        File.Exists(Path.Combine(production, "model.json")) &&
        File.ReadAllText(Path.Combine(production, "model.json")) is var old &&
        ModelParamsOf(old) != ModelParamsOf(File.ReadAllText(ctx.Input(Paths.ModelInfo)));

    private static string ModelParamsOf(string modelJson) =>
        System.Text.Json.JsonDocument.Parse(modelJson).RootElement.TryGetProperty("params", out var p) ? p.GetRawText() : "";

    private static MlTask TaskOf(ITargetContext ctx) => StageOptions.Read(() => DataOptions.ParseTask(ctx.Param<string>("data.task")));
}
