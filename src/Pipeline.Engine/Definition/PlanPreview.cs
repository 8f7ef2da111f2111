using Pipeline.Engine.Definition;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine;

/// <summary>
/// What a run would execute, worked out without running anything: named targets written in the build DSL (each
/// definition runs once, as a build class's <see cref="Target"/> properties do) are planned for a request as
/// <c>--plan</c> plans them, before any up-to-date check (no disk, params.yaml or hashes are read). For tests of a
/// target graph, and for timing the planner alone (<c>bench/Pipeline.Engine.Bench plan</c>).
/// </summary>
public sealed class PlanPreview
{
    private readonly BuildModel _model;

    /// <summary>
    /// Reads the definitions in the order given; throws <see cref="Failures.PipelineException"/> naming a target defined
    /// twice or one that refers to a target not given here.
    /// </summary>
    public PlanPreview(IEnumerable<KeyValuePair<string, Target>> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _model = BuildModelReader.Read(targets, []);
    }

    /// <summary>
    /// The names of the targets a run of <paramref name="invoked"/> plans, dependencies first (the order <c>--plan</c>
    /// lists). Throws <see cref="Failures.UsageException"/> for an unknown name and <see cref="Failures.PipelineException"/>
    /// for a cycle or two targets declaring one output.
    /// </summary>
    public IReadOnlyList<string> Order(IReadOnlyList<string> invoked)
    {
        ArgumentNullException.ThrowIfNull(invoked);
        return [.. Planner.Create(_model.Specs, new PlanRequest(invoked)).Targets.Select(t => t.Name)];
    }
}
