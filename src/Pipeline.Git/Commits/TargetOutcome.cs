namespace Pipeline.Git.Commits;

/// <summary>How one target of the run ended, as the commit message reports it (the lead maps the engine's results to this).</summary>
/// <param name="Name">The target name (<c>Train</c>).</param>
/// <param name="Status">The engine's status word: <c>executed</c>, <c>restored</c>, <c>skipped</c>, <c>failed</c>, <c>not-run</c>.</param>
/// <param name="Reason">Why it ran or was skipped (<c>params changed: train.lr</c>).</param>
public sealed record TargetOutcome(string Name, string Status, string Reason)
{
    /// <summary>The status of a target whose command ran.</summary>
    public const string Executed = "executed";

    /// <summary>The status of a target whose outputs were restored from the cache.</summary>
    public const string Restored = "restored";
}
