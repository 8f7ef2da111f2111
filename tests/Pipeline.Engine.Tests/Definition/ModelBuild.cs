namespace Pipeline.Engine.Tests.Definition;

/// <summary>A base build class whose targets the derived class inherits.</summary>
internal class BaseModelBuild : PipelineBuild
{
    public Target Clean => _ => _.Executes(() => { });
}

/// <summary>A small build class exercising every kind of edge, path, flag and condition.</summary>
internal sealed class ModelBuild : BaseModelBuild
{
    public bool IsReady { get; set; } = true;

    public int Threads { get; set; }

    public Target Ingest => _ => _
        .Description("Reads raw data")
        .Inputs("data/raw")
        .Outputs("data/clean")
        .AlwaysRun()
        .Executes(ctx => { });

    public Target Train => _ => _
        .DependsOn(Ingest)
        .After(Clean)
        .Params("train", "train.lr")
        .Outputs("models/model.zip")
        .Metrics("metrics.json")
        .Plots("plots")
        .OnlyWhen(() => IsReady)
        .Requires(() => Threads > 0)
        .ProceedAfterFailure()
        .Executes(Fit)
        .Executes(async ctx => await Task.Yield());

    public Target Report => _ => _
        .DependentFor(All)
        .Before(Clean)
        .TriggeredBy(Train)
        .Executes(Render);

    public Target Publish => _ => _
        .Triggers(Report)
        .Executes(() => Task.CompletedTask);

    public Target All => _ => _.DependsOn(Train, Clean);

    private static void Fit(ITargetContext context)
    {
    }

    private void Render()
    {
        _ = IsReady;
    }
}

/// <summary>A build class whose target refers to a delegate that is not a Target property.</summary>
internal sealed class StrayReferenceBuild : PipelineBuild
{
    public Target Only => _ => _.DependsOn(other => other).Executes(() => { });
}
