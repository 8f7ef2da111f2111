using Pipeline.Engine;

namespace ReferencePipeline;

/// <summary>
/// The reference pipeline. Until the ML stages land (src/Pipeline.Ml), its bodies are a small, real stand-in:
/// a seeded synthetic transaction table, a schema check, standardised features, a logistic regression fitted by
/// gradient descent, its AUC, and a gate on it.
/// </summary>
internal sealed class Build : PipelineBuild
{
    public static int Main() => Execute<Build>(x => x.Deploy);

    [Parameter("How many worker threads a stage may use (0 = all cores).")]
    readonly int Threads = 0;

    Target Ingest => _ => _
        .Description("Load the source into a snapshot under data/raw")
        .Params("data")
        .Outputs("data/raw/transactions.csv")
        .Executes(ctx => TransactionSource.Write(ctx.Output("data/raw/transactions.csv"),
            ctx.Param<int>("data.rows"), ctx.Param<int>("data.seed"), ctx.Param<double>("data.fraud_rate")));

    Target Validate => _ => _
        .Description("Check the snapshot against its schema")
        .Inputs("data/raw/transactions.csv")
        .Outputs("data/validated/transactions.csv")
        .Executes(ctx => SchemaCheck.Run(ctx.Input("data/raw/transactions.csv"), ctx.Output("data/validated/transactions.csv"), ctx.Log));

    Target Featurize => _ => _
        .Description("Standardise features and split train/test")
        .Inputs("data/validated/transactions.csv")
        .Outputs("data/features")
        .Executes(ctx => Features.Split(ctx.Input("data/validated/transactions.csv"), ctx.Output("data/features")));

    Target Train => _ => _
        .Description("Fit the model")
        .Inputs("data/features/train.csv")
        .Params("train")
        .Outputs("models/model.json")
        .Executes(ctx => LogisticModel.Fit(ctx.Input("data/features/train.csv"), ctx.Output("models/model.json"),
            ctx.Param<double>("train.learning_rate"), ctx.Param<int>("train.epochs"), ctx.Param<double>("train.l2"), Threads));

    Target Evaluate => _ => _
        .Description("Score the holdout and write metrics.json")
        .Inputs("models/model.json", "data/features/test.csv")
        .Metrics("metrics.json")
        .Executes(ctx => LogisticModel.Evaluate(ctx.Input("models/model.json"), ctx.Input("data/features/test.csv"), ctx.Output("metrics.json")));

    Target Deploy => _ => _
        .Description("Gate on params.yaml thresholds")
        .Inputs("metrics.json")
        .Params("gate")
        .Outputs("models/registry/candidate.json")
        .Executes(ctx => Gate.Check(ctx.Input("metrics.json"), ctx.Param<double>("gate.min.auc"), ctx.Output("models/registry/candidate.json"), ctx.Log));

    Target Serve => _ => _
        .Description("Host the production model (lands with the serving issue)")
        .AlwaysRun()
        .Executes(() => throw new NotSupportedException("Serve is not built yet: the serving host lands with the serving issue (#5)."));

    Target Monitor => _ => _
        .Description("Drift and performance report (lands with the monitoring issue)")
        .AlwaysRun()
        .Executes(() => throw new NotSupportedException("Monitor is not built yet: drift monitoring lands with the monitoring issue (#6)."));

    Target Retrain => _ => _
        .Description("Monitor, then retrain and deploy when it says so (lands with the monitoring issue)")
        .DependsOn(Monitor)
        .Triggers(Deploy);
}
