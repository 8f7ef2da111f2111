namespace Pipeline.Engine.Planning;

/// <summary>
/// The immutable, data-only description of one target that the planner works on: names, edges,
/// declared paths and flags. Behaviour (actions, conditions) lives elsewhere, keyed by <see cref="Name"/>.
/// </summary>
internal sealed record TargetSpec(string Name)
{
    public string? Description { get; init; }
    public IReadOnlyList<string> DependsOn { get; init; } = [];
    public IReadOnlyList<string> DependentFor { get; init; } = [];
    public IReadOnlyList<string> After { get; init; } = [];
    public IReadOnlyList<string> Before { get; init; } = [];
    public IReadOnlyList<string> Triggers { get; init; } = [];
    public IReadOnlyList<string> TriggeredBy { get; init; } = [];

    /// <summary>Input paths: files, directories or globs (<c>*</c>, <c>**</c>, <c>?</c>), relative to the root.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The inputs (also listed in <see cref="Inputs"/>) that may be missing.</summary>
    public IReadOnlyList<string> OptionalInputs { get; init; } = [];

    /// <summary>Output files or directories (no globs), relative to the root. Cached.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>Metrics files (outputs too; cached like DVC's metrics).</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];

    /// <summary>Plots files or directories (outputs too).</summary>
    public IReadOnlyList<string> Plots { get; init; } = [];

    /// <summary>params.yaml sections or dotted keys this target reads.</summary>
    public IReadOnlyList<string> Params { get; init; } = [];

    public bool AlwaysRun { get; init; }

    /// <summary>Never restored from (or saved to) the run-cache: the target has effects beyond its outputs.</summary>
    public bool NoRunCache { get; init; }
    public bool ProceedAfterFailure { get; init; }

    /// <summary>Runs without the repository lock (no outputs; e.g. a server).</summary>
    public bool Unlocked { get; init; }
    public bool IsDefault { get; init; }

    /// <summary>False for a collective target (no Executes): it only groups dependencies.</summary>
    public bool HasActions { get; init; } = true;

    /// <summary>Every declared output path of any kind (outputs, metrics, plots).</summary>
    public IEnumerable<string> AllOutputs => Outputs.Concat(Metrics).Concat(Plots);
}
