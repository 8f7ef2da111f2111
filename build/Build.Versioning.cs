using LibGit2Sharp;
using Pipeline.Engine;
using Pipeline.Engine.Failures;
using Pipeline.Git;
using Pipeline.Git.Commits;
using Pipeline.Git.Diffs;
using Pipeline.Git.Experiments;
using Pipeline.Git.Registry;
using Pipeline.Git.Remotes;
using Pipeline.Git.Reproduce;
using Pipeline.Git.Workspaces;
using Pipeline.Ml.Gate;
using GitCommitOptions = Pipeline.Git.Commits.CommitOptions;

namespace ReferencePipeline;

/// <summary>Versions in git: commits after a run, the DVC remote, reproducing a commit, diffs, experiments and the tag registry.</summary>
[GitHubActions("pipeline", InvokedTargets = ["Evaluate"], MainBranchTarget = "Deploy", RestoreTarget = "Pull", SaveTarget = "Push",
    Artifacts = ["models/", "reports/", "metrics.json"], Secrets = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])]
internal sealed partial class Build
{
    [Parameter("After the run, commit dvc.lock, params, metrics and .dvc files (any target)")] readonly bool Commit;
    [Parameter("With --commit: also commit files that are already staged")] readonly bool AllowDirtyIndex;
    [Parameter("With --commit: allow a detached HEAD")] readonly bool AllowDetached;
    [Parameter("A git revision: MetricsDiff/ParamsDiff compare it (default HEAD); Reproduce rebuilds it")] readonly string Rev = "HEAD";
    [Parameter("The other side of a diff (default: the workspace)")] readonly string? To;
    [Parameter("Print diffs as JSON")] readonly bool Json;
    [Parameter("The DVC remote for Push/Pull (default: core.remote of .dvc/config)")] readonly string? Remote;
    [Parameter("Push/Pull the run-cache as well, and the objects its entries name")] readonly bool RunCache;
    [Parameter("Pull: objects missing on the remote are warnings, not failures (like dvc pull --allow-missing)")] readonly bool AllowMissing;
    private int? _transferJobs;

    [Parameter("Run in a temporary worktree and record the result under refs/exps without touching the branch")] readonly bool Experiment;
    [Parameter("The experiment's name (default: a generated adjective-noun)")] readonly string? ExperimentName;

    Target Push => _ => _
        .Description("Send cache objects that dvc.lock and .dvc files use to the DVC remote (like `dvc push`)")
        .Executes(ctx => TransferObjects(ctx, pull: false));

    Target Pull => _ => _
        .Description("Fetch the objects dvc.lock and .dvc files use from the DVC remote and check them out (like `dvc pull`)")
        .Executes(ctx => TransferObjects(ctx, pull: true));

    Target Reproduce => _ => _
        .Description("Rebuild --rev from scratch in a temporary worktree and compare every output with its dvc.lock")
        .Executes(ctx =>
        {
            var report = Reproducer.Run(RootDirectory, Rev, root => PipelineProcess.Run(RootDirectory, root, "--force"));
            ctx.Log.Information(report.ToTable());
            if (!report.AllMatch) throw new CheckFailedException($"{Rev} did not reproduce: see the DIFFERENT and missing rows above.");
        });

    Target MetricsDiff => _ => _
        .Description("Metrics of --rev (default HEAD) against --to (default the workspace), like `dvc metrics diff`")
        .NoRepositoryLock()
        .Executes(ctx => Diff(ctx, MetricsDiffOf));

    Target ParamsDiff => _ => _
        .Description("Params of --rev (default HEAD) against --to (default the workspace), like `dvc params diff`")
        .NoRepositoryLock()
        .Executes(ctx => Diff(ctx, ParamsDiffOf));

    Target Models => _ => _
        .Description("Versions and stages of each model from the git tags (like `gto show`)")
        .NoRepositoryLock()
        .Executes(ctx =>
        {
            using var repo = GitRepositoryLocator.Open(RootDirectory);
            ctx.Log.Information(new ModelRegistry(repo, TimeProvider.System, Identity(repo)).RenderTable());
        });

    Target Experiments => _ => _
        .Description("Experiments recorded under refs/exps, compared with the workspace in one table")
        .NoRepositoryLock()
        .Executes(ctx => ctx.Log.Information(ExperimentList.Read(RootDirectory).ToTable()));

    protected override int? OnStarting(Invocation invocation)
    {
        _transferJobs = TransferJobs(invocation.Arguments);
        if (Follow) return FollowStream(invocation);
        if (!Experiment) return null;
        var head = GitHead.Sha(RootDirectory) ?? throw new UsageException("--experiment needs a git repository with at least one commit.");
        using var workspace = TemporaryWorkspace.Open(RootDirectory, head);
        var args = WithoutOptions(invocation.Arguments, "--experiment", "--root");
        var exitCode = PipelineProcess.Run(RootDirectory, workspace.Root, args);
        if (exitCode != 0) return exitCode;
        var record = ExperimentRecorder.Record(RootDirectory, head, workspace.Root, ExperimentName);
        Console.WriteLine($"Experiment '{record.Name}' recorded as {record.RefName} ({record.CommitSha[..12]}); the branch and working tree are unchanged.");
        return 0;
    }

    /// <summary>The arguments minus the named options and their values (build.sh adds --root for the worktree itself).</summary>
    private static string[] WithoutOptions(IReadOnlyList<string> args, params string[] options)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!options.Contains(args[i], StringComparer.OrdinalIgnoreCase)) { kept.Add(args[i]); continue; }
            while (i + 1 < args.Count && !args[i + 1].StartsWith('-')) i++;
        }
        return kept.ToArray();
    }

    protected override int OnRunFinished(IReadOnlyList<TargetRunResult> results, int exitCode)
    {
        exitCode = RetryFailedGate(results, exitCode);
        if (!Commit || exitCode != 0) return exitCode;
        using var repo = GitRepositoryLocator.Open(RootDirectory);
        var options = new GitCommitOptions(Identity(repo), TimeProvider.System) { AllowDirtyIndex = AllowDirtyIndex, AllowDetached = AllowDetached };
        var commit = PipelineCommitter.Commit(RootDirectory, results, options);
        Console.WriteLine(commit is null ? "Nothing to commit: the pipeline's files are unchanged." : $"Committed {commit.Sha[..12]}: {commit.Message.Split('\n')[0]}");
        // NOTE: the registry folder owns "production"; the tags follow it on the commit that records it, so the two agree.
        if (commit is not null && RegistryFolder.ProductionVersion(Registry, ModelName) is { } production
            && new ModelRegistry(repo, TimeProvider.System, Identity(repo)).RecordProduction(ModelName, production, commit.Sha))
            Console.WriteLine($"Registered {ModelName}@{production} on {commit.Sha[..12]} and assigned it to production.");
        return exitCode;
    }

    private void TransferObjects(ITargetContext ctx, bool pull)
    {
        var config = DvcConfig.Load(RootDirectory);
        if (Remote is null && config.DefaultRemote is null)
        {
            ctx.Log.Warning("No DVC remote is configured (.dvc/config core.remote); nothing to transfer. Add one with `dvc remote add -d <name> <url>`.");
            return;
        }
        var options = new TransferOptions { RunCache = RunCache, AllowMissing = AllowMissing, Jobs = _transferJobs };
        var report = pull
            ? Transfer.PullAsync(RootDirectory, Remote, null, options, ctx.CancellationToken).GetAwaiter().GetResult()
            : Transfer.PushAsync(RootDirectory, Remote, null, options, ctx.CancellationToken).GetAwaiter().GetResult();
        foreach (var warning in report.Warnings) ctx.Log.Warning(warning);
        ctx.Log.Information(report.Summary().TrimEnd());
        if (!report.Succeeded)
            throw new RemoteException($"{report.Failed} object(s) failed to {report.Direction} (remote '{report.Remote}'); the first: {report.Failures[0]}");
    }

    /// <summary>With --pull: the DVC remote (--remote, else core.remote) is where missing outputs and run-cache entries come from.</summary>
    protected override Pipeline.Engine.Caching.IObjectSource? OpenObjectSource(string cacheRoot) =>
        RemoteObjectSource.Open(RootDirectory, Remote, cacheRoot, new TransferOptions { Jobs = _transferJobs });

    /// <summary>The value of --jobs, which for Push and Pull is DVC's: how many objects move at once.</summary>
    private static int? TransferJobs(IReadOnlyList<string> args)
    {
        var i = args.ToList().FindIndex(a => a.Equals("--jobs", StringComparison.OrdinalIgnoreCase));
        return i >= 0 && i + 1 < args.Count && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    private void Diff(ITargetContext ctx, Func<Repository, DiffReport> compute)
    {
        using var repo = GitRepositoryLocator.Open(RootDirectory);
        var report = compute(repo);
        ctx.Log.Information(Json ? report.RenderJson() : report.Rows.Count == 0 ? $"No changes between {Rev} and {To ?? "the workspace"}." : report.RenderTable());
    }

    private DiffReport MetricsDiffOf(Repository repo) => Pipeline.Git.Diffs.MetricsDiff.Compute(repo, Rev, To);

    private DiffReport ParamsDiffOf(Repository repo) => Pipeline.Git.Diffs.ParamsDiff.Compute(repo, Rev, To);

    private static GitIdentity Identity(Repository repo)
    {
        var name = repo.Config.Get<string>("user.name")?.Value ?? Environment.GetEnvironmentVariable("GIT_COMMITTER_NAME") ?? "pipeline";
        var email = repo.Config.Get<string>("user.email")?.Value ?? Environment.GetEnvironmentVariable("GIT_COMMITTER_EMAIL") ?? "pipeline@localhost";
        return new GitIdentity(name, email);
    }
}
