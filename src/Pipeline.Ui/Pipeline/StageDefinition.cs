namespace Pipeline.Ui.Pipeline;

/// <summary>One stage of dvc.yaml as the UI shows it: its paths, and the stages it comes after (an out of theirs is a dep of its).</summary>
internal sealed record StageDefinition(string Name, string? Description, IReadOnlyList<string> Deps, IReadOnlyList<string> Outs, IReadOnlyList<string> Params)
{
    /// <summary>The stages whose outputs this stage reads, filled in by <see cref="PipelineGraph"/>.</summary>
    public IReadOnlyList<string> After { get; init; } = [];
}
