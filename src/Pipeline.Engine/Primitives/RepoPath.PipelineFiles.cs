namespace Pipeline.Engine.Primitives;

/// <summary>The repository's own files, which no output, tracked file or recorded path may name.</summary>
public readonly partial record struct RepoPath
{
    /// <summary>How messages describe <see cref="IsPipelineFile"/>.</summary>
    public const string PipelineFilesRule =
        "one of the pipeline's own files (dvc.lock, dvc.yaml, params.yaml, .dvcignore, a .gitignore, a .dvc file, anything under .dvc/ or .nuke/, or under any .git/)";

    private static readonly string[] RootFiles = ["dvc.lock", "dvc.yaml", "params.yaml", ".dvcignore"];
    private static readonly string[] ToolDirectories = [".dvc", ".nuke"];

    /// <summary>True for a file the pipeline itself keeps (see <see cref="PipelineFilesRule"/>).</summary>
    public bool IsPipelineFile
    {
        get
        {
            var parts = Value.Split('/');
            var name = parts[^1];
            // NOTE: a .git anywhere is refused: writing into a nested repository's hooks would run code on its next git command.
            return RootFiles.Contains(Value) || ToolDirectories.Contains(parts[0]) || parts.Contains(".git")
                || name == ".gitignore" || name.EndsWith(".dvc", StringComparison.Ordinal);
        }
    }
}
