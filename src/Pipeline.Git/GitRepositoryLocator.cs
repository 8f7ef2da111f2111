using LibGit2Sharp;

namespace Pipeline.Git;

/// <summary>Opens the git repository that holds a pipeline root, with a clear error when there is none.</summary>
public static class GitRepositoryLocator
{
    public static Repository Open(string pipelineRoot) => TryOpen(pipelineRoot)
        ?? throw new InvalidOperationException($"{pipelineRoot} is not inside a git repository. Run `git init` there first.");

    /// <summary>The repository holding <paramref name="path"/>, or null when it is not in one.</summary>
    public static Repository? TryOpen(string path) => Repository.Discover(path) is { } found ? new Repository(found) : null;
}
