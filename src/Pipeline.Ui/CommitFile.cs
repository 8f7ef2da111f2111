using LibGit2Sharp;

namespace Pipeline.Ui;

/// <summary>A file of the pipeline (a path relative to the pipeline's root, which may be a folder of the git repository) as a commit holds it.</summary>
internal static class CommitFile
{
    /// <summary>The text of <paramref name="file"/> at commit <paramref name="sha"/>, or null when the commit or the file is not there.</summary>
    public static string? Read(Repository repo, string root, string sha, string file)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var prefix = Path.GetRelativePath(repo.Info.WorkingDirectory ?? root, root).Replace(Path.DirectorySeparatorChar, '/');
        var path = prefix == "." ? file : $"{prefix}/{file}";
        return repo.Lookup<Commit>(sha)?[path]?.Target is Blob blob ? blob.GetContentText() : null;
    }
}
