using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>The model half: training with hyper-parameter search and evaluation against production (Build.Deploy.cs gates and registers).</summary>
internal sealed partial class Build
{
    private bool ExportOnnx => ParamsValue("train.onnx") is { Length: > 0 } onnx && StageOptions.Read(() => ParamValue.Boolean("train.onnx", onnx));

    Target Train => _ => _
        .Description("Search trainers and hyper-parameters, refit the best on all training rows")
        .Inputs(Paths.TrainSet)
        .When(!IsRecommendation, d => d.Inputs(Paths.Featurizer))
        .Params(["train", "data.task", .. Present("data.key"), .. Present("evaluate.cost_fn_fp"), .. RecommendationParams, .. (IsRecommendation ? ["evaluate"] : Array.Empty<string>())])
        .Outputs(Paths.Model, Paths.ModelInfo, Paths.Trials)
        .When(ExportOnnx, d => d.Outputs(Paths.Onnx))
        .Executes(ctx =>
        {
            if (IsRecommendation)
            {
                TrainRecommender(ctx);
                return;
            }
            var options = StageOptions.Read(() => TrainOptions.FromParams(TaskOf(ctx), ctx.ParamSection("train")) with
            {
                CostFnFp = EvaluationOptions.CostFnFp(OptionalParam(ctx, "evaluate.cost_fn_fp")),
                KeyColumn = OptionalParam(ctx, "data.key"),
            });
            options = options with { RungRunner = TrialsOnCluster(ctx, options.Task, options) };
            var outputs = new TrainOutputs(ctx.Output(Paths.Model), ctx.Output(Paths.Trials)) { OnnxPath = ExportOnnx ? ctx.Output(Paths.Onnx) : null };
            var search = new SearchProgress(options, s => ctx.Progress(new TargetProgress(s.Done, s.Total, "trials") { Fraction = s.WorkDone, Best = s.BestText, Step = s.LastText }));
            var result = ModelTrainer.Run(ctx.Input(Paths.TrainSet), ctx.Input(Paths.Featurizer), options, outputs, search, ctx.CancellationToken);
            if (ExportOnnx && !result.Onnx.Exported) throw new CheckFailedException($"ONNX export failed: {result.Onnx.Note}. Set train.onnx: false to skip it.");
            ctx.Summary("trials", result.Trials.Count);
            ctx.Summary("best", result.Best.Trainer);
            ctx.Summary(options.ResolvedMetric, Math.Round(result.Best.Value, 4));
        });

    Target Evaluate => _ => _
        .Description("Score the holdout, compare with the production model, write metrics.json and reports")
        .Inputs(Paths.Model, Paths.ModelInfo, Paths.TestSet)
        .Params(["evaluate", "data.task", "data.label", .. Present("data.key"), "model.name", .. RecommendationParams])
        .Metrics(Paths.Metrics)
        .Plots(Paths.EvaluationReports)
        .Executes(ctx =>
        {
            // NOTE: the production model is registry state, not a declared input: a newly promoted model does not
            // re-run Evaluate by itself; the comparison is with what was in production when Evaluate last ran.
            var production = RegistryFolder.Production(Registry, ctx.Param<string>("model.name"));
            if (IsRecommendation)
            {
                EvaluateRecommender(ctx, production);
                return;
            }
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
                KeyColumn = OptionalParam(ctx, "data.key"),
            };
            var options = StageOptions.Read(() => evaluation.WithParams(ctx.ParamSection("evaluate")));
            var result = Evaluator.Run(options, ctx.CancellationToken);
            if (options.SliceColumn is { } slice && result.SliceColumn is null)
                ctx.Log.Warning($"evaluate.slice_column '{slice}' is not a column of this dataset: no per-slice metrics. Set it to one of the dataset's categorical columns, or to \"\".");
            ctx.Summary(result.MainMetric, Math.Round(result[result.MainMetric], 4));
        });

    // NOTE: optional keys a user's params.yaml may lack (data.key: the rows the closed loop appended, where Train
    // chooses a binary threshold and Evaluate states metrics; evaluate.cost_fn_fp): declared only when present.
    private string[] Present(string dottedKey) => ParamsValue(dottedKey) is { Length: > 0 } ? [dottedKey] : [];

    /// <summary>The text of a params key that older params.yaml files may lack (null then; such a key is not declared, see <see cref="Present"/>).</summary>
    private string? OptionalParam(ITargetContext ctx, string dottedKey)
    {
        if (Present(dottedKey).Length == 0) return null;
        try
        {
            return Convert.ToString(ctx.Param<object?>(dottedKey), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static MlTask TaskOf(ITargetContext ctx) => StageOptions.Read(() => DataOptions.ParseTask(ctx.Param<string>("data.task")));
}
