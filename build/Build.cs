using Pipeline.Engine;
using Pipeline.Ml.Data;

namespace ReferencePipeline;

/// <summary>
/// The reference pipeline: Source → Ingest → Validate → Featurize → Train → Evaluate → Deploy, one property per stage
/// (Build.Data.cs, Build.Model.cs). The stages themselves live in src/Pipeline.Ml; this class only wires them to
/// paths and params.yaml sections. Pointing it at another dataset takes only params.yaml (ingest.*, data.*).
/// </summary>
internal sealed partial class Build : PipelineBuild
{
    public static int Main() => Execute<Build>(x => x.Deploy);

    /// <summary>The learning task, read while targets are defined (it decides nothing about inputs, only defaults).</summary>
    private MlTask Task => Enum.Parse<MlTask>(ParamsValue("data.task") ?? "binary", ignoreCase: true);

    private string ModelName => ParamsValue("model.name") ?? "fraud-detector";
}
