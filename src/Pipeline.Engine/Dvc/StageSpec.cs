namespace Pipeline.Engine.Dvc;

/// <summary>One stage of dvc.yaml as the engine generates it from a target.</summary>
internal sealed record StageSpec(string Name, string Cmd)
{
    public string? Desc { get; init; }
    public IReadOnlyList<string> Deps { get; init; } = [];
    /// <summary>params.yaml keys (sections or dotted keys).</summary>
    public IReadOnlyList<string> Params { get; init; } = [];
    public IReadOnlyList<string> Outs { get; init; } = [];
    public IReadOnlyList<string> Metrics { get; init; } = [];
    public IReadOnlyList<string> Plots { get; init; } = [];
    public bool AlwaysChanged { get; init; }
}
