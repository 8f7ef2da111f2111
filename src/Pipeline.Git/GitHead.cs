namespace Pipeline.Git;

/// <summary>The commit the working tree is on, for lineage records.</summary>
public static class GitHead
{
    /// <summary>The full sha of HEAD's commit, or null when <paramref name="path"/> is not in a git repository or has no commit yet.</summary>
    public static string? Sha(string path)
    {
        using var repo = GitRepositoryLocator.TryOpen(path);
        return repo?.Head.Tip?.Sha;
    }
}
