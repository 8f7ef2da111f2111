using LibGit2Sharp;

namespace Pipeline.Git;

/// <summary>Opens the git repository that holds a pipeline root, with a clear error when there is none.</summary>
public static class GitRepositoryLocator
{
    public static Repository Open(string pipelineRoot)
    {
        var path = Repository.Discover(pipelineRoot)
            ?? throw new InvalidOperationException($"{pipelineRoot} is not inside a git repository. Run `git init` there first.");
        return new Repository(path);
    }
}
