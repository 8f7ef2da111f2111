using LibGit2Sharp;
using Pipeline.Engine.Failures;

namespace Pipeline.Git.Registry;

/// <summary>Resolves revision strings (<c>HEAD~1</c>, tags, branches, short SHAs) to commits with a clear error.</summary>
internal static class GitRevision
{
    /// <summary>The commit <paramref name="rev"/> names (annotated tags peeled); a bad revision throws a UsageException naming it.</summary>
    public static Commit ResolveCommit(Repository repository, string rev)
    {
        GitObject? found;
        try
        {
            found = repository.Lookup(rev, ObjectType.Commit);
        }
        catch (LibGit2SharpException e)
        {
            throw new UsageException($"Revision '{rev}' is not valid here ({e.Message}). Use a commit SHA, branch, tag or e.g. HEAD~1.");
        }
        return found as Commit
            ?? throw new UsageException($"Revision '{rev}' does not name a commit in this repository. Use a commit SHA, branch, tag or e.g. HEAD~1 (see `git log --oneline`).");
    }
}
