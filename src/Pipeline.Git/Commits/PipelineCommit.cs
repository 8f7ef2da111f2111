namespace Pipeline.Git.Commits;

/// <summary>A commit made by <see cref="PipelineCommitter"/>.</summary>
/// <param name="Sha">The full commit SHA.</param>
/// <param name="Message">The full commit message.</param>
/// <param name="Files">The repository-relative paths whose changes it records, in code-point order.</param>
public sealed record PipelineCommit(string Sha, string Message, IReadOnlyList<string> Files);
