namespace Pipeline.Engine.Execution;

/// <summary>Where a target's code ran, recorded in <c>.nuke/temp/run.json</c> when it is not this process.</summary>
/// <param name="Node">The machine (e.g. the Slurm node name); null for this process.</param>
/// <param name="JobId">The scheduler's id of the job; null for this process.</param>
public sealed record Placement(string? Node, string? JobId)
{
    /// <summary>This process: run.json records nothing extra.</summary>
    public static Placement InProcess { get; } = new(null, null);
}
