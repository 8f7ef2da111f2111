using Pipeline.Engine;
using Pipeline.Formats.Params;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Features;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace ReferencePipeline;

/// <summary>
/// data.task: recommendation through the same Featurize → Train → Evaluate targets (their declarations grow by the
/// sections below only for this task): the per-user split, the recommender search, the ranking evaluation.
/// </summary>
internal sealed partial class Build
{
    /// <summary>True when params.yaml says data.task: recommendation (read before the targets are declared).</summary>
    private bool IsRecommendation => string.Equals(ParamsValue("data.task")?.Trim(), "recommendation", StringComparison.OrdinalIgnoreCase);

    /// <summary>What Featurize, Train and Evaluate read besides their own sections for recommendation: the data columns (and, for Train, evaluate.relevant_at).</summary>
    private string[] RecommendationParams => IsRecommendation ? ["data"] : [];

    private void SplitInteractions(ITargetContext ctx)
    {
        var options = StageOptions.Read(() => FeaturizerOptions.FromParams(ctx.ParamSection("featurize")));
        var columns = StageOptions.Read(() => RecommendationColumns.From(DataOptions.FromParams(ctx.ParamSection("data"))));
        var split = RecommendationSplitter.Run(new FeaturizePaths
        {
            ValidatedCsv = ctx.Input(Paths.Validated),
            SchemaYaml = ctx.Input(Paths.Schema),
            TrainCsv = ctx.Output(Paths.TrainSet),
            TestCsv = ctx.Output(Paths.TestSet),
            FeaturizerZip = "",
            ProfileJson = ctx.Output(Paths.Profile),
        }, columns, options.Seed, ctx.Output(Paths.SplitReport), ctx.CancellationToken);
        foreach (var note in split.Notes()) ctx.Log.Warning(note);
        ctx.Summary("train", split.Train.Count);
        ctx.Summary("test", split.Test.Count);
    }

    private void TrainRecommender(ITargetContext ctx)
    {
        var columns = StageOptions.Read(() => RecommendationColumns.From(DataOptions.FromParams(ctx.ParamSection("data"))));
        var evaluation = StageOptions.Read(() => RecommendationEvaluationOptions.FromParams(ctx.ParamSection("evaluate")));
        var options = StageOptions.Read(() => RecommenderTrainOptions.FromParams(ctx.ParamSection("train"), evaluation));
        if (options.Note is { } note) ctx.Log.Information(note);
        // NOTE: as the binary search does: trials done of all, the share done, the best so far and the trial that just finished.
        var progress = new ProgressTo<RecommenderSearchStatus>(s => ctx.Progress(new TargetProgress(s.Done, s.Total, "trials") { Fraction = (double)s.Done / s.Total, Best = s.BestText, Step = s.LastText }));
        var result = RecommenderTrainer.Run(ctx.Input(Paths.TrainSet), columns, options, new TrainOutputs(ctx.Output(Paths.Model), ctx.Output(Paths.Trials)), progress, ctx.CancellationToken);
        ctx.Summary("trials", result.Trials.Count);
        ctx.Summary("best", result.Best.Config.Model);
        ctx.Summary(RecommenderTrainer.Metric, Math.Round(result.Best.Scores.Ndcg, 4));
    }

    private void EvaluateRecommender(ITargetContext ctx, string? production)
    {
        var columns = StageOptions.Read(() => RecommendationColumns.From(DataOptions.FromParams(ctx.ParamSection("data"))));
        var evaluate = ctx.ParamSection("evaluate");
        var common = StageOptions.Read(() => new EvaluationOptions { Task = MlTask.Recommendation, ModelPath = "", MetricsPath = "" }.WithParams(evaluate));
        var options = new RecommendationEvaluatorOptions(ctx.Input(Paths.Model), ctx.Input(Paths.TestSet), columns, ctx.Output(Paths.Metrics))
        {
            Evaluation = StageOptions.Read(() => RecommendationEvaluationOptions.FromParams(evaluate)),
            ReportsDirectory = ctx.Output(Paths.EvaluationReports),
            ProductionModelPath = production is null ? null : Path.Combine(production, "model.zip"),
            ProductionLabel = production is null ? null : Path.GetFileName(production),
            Bootstrap = common.Bootstrap,
            Seed = common.Seed,
        };
        var evaluation = RecommendationEvaluator.Run(options, ctx.CancellationToken);
        ctx.Log.Information($"Evaluated {evaluation.Users} test users with relevant items; {evaluation.ColdStartUsers} cold-start users got the popularity answer; {evaluation.ColdStartRows} test rows on items outside the catalogue are not relevant.");
        ctx.Summary(evaluation.Result.MainMetric, Math.Round(evaluation.Result[evaluation.Result.MainMetric], 4));
    }
}
