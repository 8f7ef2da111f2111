namespace Pipeline.Git.Commits;

/// <summary>
/// The files a pipeline tracks in git: dvc.yaml/dvc.lock, params, metrics, <c>.dvc</c> files, <c>.gitignore</c>s,
/// <c>.nuke/code/*.txt</c>, generated <c>.github/workflows/*.yml</c>, <c>.dvc/config</c>, <c>.dvc/.gitignore</c> and <c>.dvcignore</c>. Outputs stay in the cache.
/// </summary>
/// <param name="prefix">The pipeline root inside the repository ("" or <c>sub/dir/</c>).</param>
/// <param name="declaredFiles">Metrics and params files that dvc.yaml declares and small source dependencies, relative to the pipeline root.</param>
internal sealed class PipelineFileSet(string prefix, IEnumerable<string> declaredFiles)
{
    private static readonly HashSet<string> RootFiles = new(StringComparer.Ordinal)
    {
        "params.yaml", ".dvcignore", ".dvc/config", ".dvc/.gitignore",
    };

    private static readonly HashSet<string> AnyDepthNames = new(StringComparer.Ordinal) { "dvc.yaml", "dvc.lock", ".gitignore" };

    private readonly HashSet<string> _declared = new(declaredFiles.Select(Normalize), StringComparer.Ordinal);

    /// <summary>True when <paramref name="repositoryPath"/> (relative to the git working tree) is one of the pipeline's tracked files.</summary>
    public bool Contains(string repositoryPath)
    {
        var path = Normalize(repositoryPath);
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var relative = path[prefix.Length..];
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        return RootFiles.Contains(relative)
            || AnyDepthNames.Contains(name)
            || _declared.Contains(relative)
            || (name.EndsWith(".dvc", StringComparison.Ordinal) && name.Length > 4 && !relative.StartsWith(".dvc/", StringComparison.Ordinal))
            || (relative.StartsWith(".nuke/code/", StringComparison.Ordinal) && relative.EndsWith(".txt", StringComparison.Ordinal))
            || (relative.StartsWith(".github/workflows/", StringComparison.Ordinal) && relative.EndsWith(".yml", StringComparison.Ordinal));
    }

    private static string Normalize(string path)
    {
        var p = path.Replace('\\', '/');
        return p.StartsWith("./", StringComparison.Ordinal) ? p[2..] : p;
    }
}
