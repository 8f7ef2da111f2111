using Pipeline.Engine.Primitives;

namespace Pipeline.Git.Remotes;

/// <summary>An output whose data lives in the cache: its path from the repository root ('/') and where it was recorded.</summary>
/// <param name="RepoPath">The output's path from the repository root.</param>
/// <param name="Info">Its recorded hash.</param>
/// <param name="RecordedIn"><c>dvc.lock:&lt;stage&gt;</c> or the path of its <c>.dvc</c> file.</param>
internal sealed record TrackedOutput(string RepoPath, HashInfo Info, string RecordedIn)
{
    private const string LockPrefix = "dvc.lock:";

    /// <summary>The output and its recorder for messages: <c>models/model.zip (stage Train in dvc.lock)</c> or <c>data/raw.csv (data/raw.csv.dvc)</c>.</summary>
    public string Describe() => RecordedIn.StartsWith(LockPrefix, StringComparison.Ordinal)
        ? $"{RepoPath} (stage {RecordedIn[LockPrefix.Length..]} in dvc.lock)"
        : $"{RepoPath} ({RecordedIn})";
}
