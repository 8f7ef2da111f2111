using LibGit2Sharp;
using Pipeline.Engine.Failures;

namespace Pipeline.Git.Experiments;

/// <summary><c>./build.sh Experiments</c>: the workspace, the baseline and its experiments (<c>refs/exps/…</c>) with their params and metrics.</summary>
public static class ExperimentList
{
    /// <summary>Reads the table for <paramref name="baseline"/> (HEAD when null) of the repository holding <paramref name="repoRoot"/>.</summary>
    public static ExperimentTable Read(string repoRoot, string? baseline = null)
    {
        var pipelineRoot = Path.GetFullPath(repoRoot);
        using var repo = GitRepositoryLocator.Open(pipelineRoot);
        var gitRoot = repo.Info.WorkingDirectory ?? pipelineRoot;
        var sub = Path.GetRelativePath(gitRoot, pipelineRoot).Replace(Path.DirectorySeparatorChar, '/');
        var prefix = sub == "." ? "" : sub + "/";
        var commit = repo.Lookup<Commit>(baseline ?? "HEAD") ?? throw new UsageException($"Baseline '{baseline ?? "HEAD"}' is not a commit.");

        var rows = new List<ExperimentRow> { Row("workspace", null, rel => ReadFile(pipelineRoot, rel)) };
        rows.Add(Row(commit.Sha[..7], commit.Committer.When, rel => ReadBlob(commit, prefix + rel)) with { Commit = commit.Sha });
        var refPrefix = ExperimentNames.RefPrefix(commit.Sha);
        var experiments = repo.Refs
            .Where(r => r.CanonicalName.StartsWith(refPrefix, StringComparison.Ordinal))
            .Select(r => (Name: r.CanonicalName[refPrefix.Length..], Commit: repo.Lookup<Commit>(r.TargetIdentifier)))
            .Where(e => e.Commit is not null)
            .OrderBy(e => e.Commit.Committer.When)
            .ThenBy(e => e.Name, StringComparer.Ordinal);
        foreach (var (name, exp) in experiments)
            rows.Add(Row(name, exp.Committer.When, rel => ReadBlob(exp, prefix + rel)) with { Commit = exp.Sha });
        return new ExperimentTable(rows);
    }

    private static ExperimentRow Row(string name, DateTimeOffset? created, Func<string, string?> read) =>
        new(name, created, PipelineValues.Metrics(read), PipelineValues.Params(read));

    private static string? ReadFile(string root, string rel)
    {
        var path = Path.Combine(root, rel.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static string? ReadBlob(Commit commit, string path) =>
        commit[path]?.Target is Blob blob ? blob.GetContentText() : null;
}
