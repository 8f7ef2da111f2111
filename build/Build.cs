using Pipeline.Engine;

namespace ReferencePipeline;

/// <summary>
/// The reference pipeline: Source → Ingest → Validate → Featurize → Train → Evaluate → Deploy, one property per stage
/// (Build.Data.cs, Build.Model.cs). The stages themselves live in src/Pipeline.Ml; this class only wires them to
/// paths and params.yaml sections. Pointing it at another dataset: `./build.sh Init --data FILE --label COLUMN` (Build.Init.cs), then `./build.sh`.
/// </summary>
internal sealed partial class Build : PipelineBuild
{
    public static int Main(string[] args) => TrialWorkerCommand.Matches(args) ? TrialWorkerCommand.Run(args) : Execute<Build>(x => x.Deploy);

    private string ModelName => ParamsValue("model.name") ?? "fraud-detector";

    /// <summary>Every section of params.yaml some target or host reads; another one (a typo such as <c>featurise:</c>) stops the run.</summary>
    protected override IReadOnlyCollection<string> ParamsSectionsRead =>
        ["model", "source", "ingest", "data", "validate", "featurize", "train", "evaluate", "gate", "monitor", "deploy", "serve", "simulate"];
}
