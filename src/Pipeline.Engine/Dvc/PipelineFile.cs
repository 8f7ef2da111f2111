namespace Pipeline.Engine.Dvc;

/// <summary>dvc.yaml, generated from the targets so DVC tooling can read the pipeline.</summary>
internal static class PipelineFile
{
    public static string ToText(IEnumerable<StageSpec> stages) => throw new NotImplementedException("STUB: helper B");
}
