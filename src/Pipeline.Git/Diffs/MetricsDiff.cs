using LibGit2Sharp;

namespace Pipeline.Git.Diffs;

/// <summary>Compares metrics between two revisions or a revision and the workspace, like <c>dvc metrics diff</c>.</summary>
public static class MetricsDiff
{
    /// <summary>Computes the metrics diff.</summary>
    /// <param name="repository">The git repository (its working tree is the workspace).</param>
    /// <param name="aRev">The first revision (<c>HEAD</c>, <c>HEAD~1</c>, a tag, branch or SHA).</param>
    /// <param name="bRev">The second revision; null (or "workspace") for the working tree.</param>
    /// <param name="metricFiles">Files to compare; null for the <c>metrics:</c> entries of dvc.yaml at either revision.</param>
    /// <param name="all">Also list unchanged metrics (<c>--all</c>).</param>
    /// <exception cref="Pipeline.Engine.Failures.UsageException">A revision does not resolve, or a file cannot be parsed.</exception>
    public static DiffReport Compute(Repository repository, string aRev = "HEAD", string? bRev = null, IReadOnlyList<string>? metricFiles = null, bool all = false)
    {
        var a = RevisionReader.For(repository, aRev);
        var b = RevisionReader.For(repository, bRev);
        var files = metricFiles ?? PipelineFiles.Metrics(RevisionData.PipelineDefinition(a))
            .Union(PipelineFiles.Metrics(RevisionData.PipelineDefinition(b)))
            .ToList();
        var rows = DiffComputation.Rows(RevisionData.Load(a, files, metrics: true), RevisionData.Load(b, files, metrics: true), all);
        return new DiffReport(DiffKind.Metrics, a.Label, b.Label, rows);
    }
}
