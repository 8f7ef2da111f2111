using LibGit2Sharp;

namespace Pipeline.Git.Diffs;

/// <summary>Compares params between two revisions or a revision and the workspace, like <c>dvc params diff</c>.</summary>
public static class ParamsDiff
{
    /// <summary>Computes the params diff.</summary>
    /// <param name="repository">The git repository (its working tree is the workspace).</param>
    /// <param name="aRev">The first revision (<c>HEAD</c>, <c>HEAD~1</c>, a tag, branch or SHA).</param>
    /// <param name="bRev">The second revision; null (or "workspace") for the working tree.</param>
    /// <param name="paramFiles">Files to compare whole; null for params.yaml plus the params dvc.yaml declares (stage keys only).</param>
    /// <param name="all">Also list unchanged params (<c>--all</c>).</param>
    /// <exception cref="Pipeline.Engine.Failures.UsageException">A revision does not resolve, or a file cannot be parsed.</exception>
    public static DiffReport Compute(Repository repository, string aRev = "HEAD", string? bRev = null, IReadOnlyList<string>? paramFiles = null, bool all = false)
    {
        var a = RevisionReader.For(repository, aRev);
        var b = RevisionReader.For(repository, bRev);
        Dictionary<string, HashSet<string>?> declared;
        if (paramFiles is not null)
        {
            declared = paramFiles.ToDictionary(f => f, _ => (HashSet<string>?)null, StringComparer.Ordinal);
        }
        else
        {
            declared = Merge(PipelineFiles.Params(RevisionData.PipelineDefinition(a)), PipelineFiles.Params(RevisionData.PipelineDefinition(b)));
            // NOTE: DVC always shows the whole default params file when it exists.
            declared[PipelineFiles.DefaultParams] = null;
        }
        var files = declared.Keys.ToList();
        var rows = DiffComputation.Rows(
            RevisionData.Load(a, files, metrics: false, declared),
            RevisionData.Load(b, files, metrics: false, declared),
            all);
        return new DiffReport(DiffKind.Params, a.Label, b.Label, rows);
    }

    private static Dictionary<string, HashSet<string>?> Merge(Dictionary<string, HashSet<string>?> x, Dictionary<string, HashSet<string>?> y)
    {
        foreach (var (file, keys) in y)
        {
            if (!x.TryGetValue(file, out var existing)) x[file] = keys is null ? null : [.. keys];
            else if (existing is not null && keys is null) x[file] = null;
            else existing?.UnionWith(keys!);
        }
        return x;
    }
}
