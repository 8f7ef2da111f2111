namespace Pipeline.Engine;

/// <summary>
/// NUKE-style CI generation: put it on the build class and every run rewrites
/// <c>.github/workflows/&lt;name&gt;.yml</c> (only when its text changes), so the workflow follows the targets.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class GitHubActionsAttribute(string name) : Attribute
{
    /// <summary>The workflow's file name and <c>name:</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Targets run on every push and pull request, in order.</summary>
    public string[] InvokedTargets { get; init; } = [];

    /// <summary>A target run only on the main branch, after the invoked ones (e.g. Deploy).</summary>
    public string? MainBranchTarget { get; init; }

    /// <summary>The branch that counts as main.</summary>
    public string MainBranch { get; init; } = "main";

    /// <summary>A target that fills the cache from the remote before the run (e.g. Pull).</summary>
    public string? RestoreTarget { get; init; }

    /// <summary>A target that sends the cache to the remote after a run on the main branch (e.g. Push).</summary>
    public string? SaveTarget { get; init; }

    /// <summary>Paths uploaded as the run's artifacts.</summary>
    public string[] Artifacts { get; init; } = [];

    /// <summary>Secrets exported as environment variables of the same name (e.g. AWS_ACCESS_KEY_ID).</summary>
    public string[] Secrets { get; init; } = [];
}
