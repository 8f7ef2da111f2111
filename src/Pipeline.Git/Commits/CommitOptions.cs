using Pipeline.Git.Registry;

namespace Pipeline.Git.Commits;

/// <summary>Who commits, when, and which safety checks to relax.</summary>
/// <param name="Author">The commit author.</param>
/// <param name="Time">The clock for author/committer times (its local time zone gives the offset).</param>
public sealed record CommitOptions(GitIdentity Author, TimeProvider Time)
{
    /// <summary>The committer; the author when null.</summary>
    public GitIdentity? Committer { get; init; }

    /// <summary>Commit even when the index holds staged changes to files outside the pipeline's set (they are committed too).</summary>
    public bool AllowDirtyIndex { get; init; }

    /// <summary>Commit on a detached HEAD (the commit is then reachable only from HEAD).</summary>
    public bool AllowDetached { get; init; }

    /// <summary>How many changed metrics the first line of the message names (default 3).</summary>
    public int MetricsInSubject { get; init; } = 3;
}
