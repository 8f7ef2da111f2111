using LibGit2Sharp;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Failures;

namespace Pipeline.Git.Experiments;

/// <summary>
/// Records a pipeline run made in a worktree as a DVC experiment: a commit whose only parent is the baseline, holding the
/// worktree's changed, non-ignored files (dvc.lock, params, metrics, dvc.yaml…), under <c>refs/exps/…/&lt;name&gt;</c>.
/// No branch moves; the user's working tree and index are not touched.
/// </summary>
public static class ExperimentRecorder
{
    /// <summary>
    /// Records the experiment run in <paramref name="worktreeRoot"/> (a git worktree of <paramref name="baseline"/>).
    /// <paramref name="name"/> null draws a free <c>adjective-noun</c> name from a Random seeded by <paramref name="seed"/>
    /// (default: derived from the exp hash). Throws <see cref="UsageException"/> for a bad or taken name.
    /// </summary>
    public static ExperimentRecord Record(string repoRoot, string baseline, string worktreeRoot, string? name = null, TimeProvider? time = null, int? seed = null)
    {
        using var repo = GitRepositoryLocator.Open(repoRoot);
        var parent = repo.Lookup<Commit>(baseline) ?? throw new UsageException($"Baseline '{baseline}' is not a commit in {repo.Info.WorkingDirectory}.");
        var expHash = ExperimentHash.Of(LockFile.Load(Path.Combine(worktreeRoot, "dvc.lock")));
        var prefix = ExperimentNames.RefPrefix(parent.Sha);
        if (name is null)
        {
            var random = new Random(seed ?? Convert.ToInt32(expHash[..7], 16));
            name = ExperimentNames.Generate(random, n => repo.Refs[prefix + n] is not null, expHash);
        }
        else if (!ExperimentNames.IsValid(name))
        {
            throw new UsageException($"'{name}' is not a valid experiment name: use letters, digits, '-', '_' or '.', without '/'.");
        }
        else if (repo.Refs[prefix + name] is not null)
        {
            throw new UsageException($"Experiment '{name}' already exists for baseline {parent.Sha[..7]}; choose another name or omit it for a generated one.");
        }

        var tree = repo.ObjectDatabase.CreateTree(ExperimentTree.Build(repo, parent, worktreeRoot));
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var who = repo.Config.BuildSignature(now) ?? new Signature("pipeline", "pipeline@localhost", now);
        var commit = repo.ObjectDatabase.CreateCommit(who, who, $"dvc: commit experiment {expHash}", tree, [parent], prettifyMessage: false);
        var reference = repo.Refs.Add(prefix + name, commit.Id);
        return new ExperimentRecord(name, reference.CanonicalName, commit.Sha, parent.Sha, expHash);
    }
}
