namespace Pipeline.Engine;

/// <summary>How one planned target ended, as given to <see cref="PipelineBuild.OnRunFinished"/>: status spelled as in run.json.</summary>
public sealed record TargetRunResult(string Name, string Status, string Reason);
