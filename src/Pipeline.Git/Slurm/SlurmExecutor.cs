using System.Globalization;
using System.Text;
using Pipeline.Engine.Caching;
using Pipeline.Engine.Dvc;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Primitives;
using Pipeline.Git.Remotes;

namespace Pipeline.Git.Slurm;

/// <summary>
/// Runs each target that must execute as one <c>sbatch</c> job: <c>./build.sh &lt;Target&gt; --skip</c> in a worker
/// checkout of the driver's commit, between a pull of its inputs from the DVC remote and a push of its outputs. The
/// driver then fetches the outputs the job recorded, each verified by its md5, and leaves them staged for the engine
/// to commit: only the driver writes dvc.lock and the run-cache. The job's log streams into the target's log.
/// </summary>
public sealed class SlurmExecutor : ITargetExecutor
{
    private readonly string _root;
    private readonly string _commit;
    private readonly SlurmSettings _settings;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _push = new(1);
    private readonly List<WorkerCheckout> _workers = [];

    private SlurmExecutor(string root, string commit, SlurmSettings settings, TimeProvider clock)
    {
        _root = root;
        _commit = commit;
        _settings = settings;
        _clock = clock;
    }

    public string Name => "slurm";

    /// <summary>Checks what a run on the cluster needs (a git commit, a DVC remote) before anything is submitted.</summary>
    public static SlurmExecutor Open(string repoRoot, SlurmSettings settings, TimeProvider clock)
    {
        var config = DvcConfig.Load(repoRoot);
        if (settings.RemoteName is null && config.DefaultRemote is null)
            throw new UsageException("--executor slurm returns each job's outputs through the DVC remote, and none is configured. Add one with `dvc remote add -d <name> s3://bucket/prefix` (or pass --remote), or run with --executor local.");
        config.Remote(settings.RemoteName);
        using var repo = GitRepositoryLocator.Open(repoRoot);
        var commit = repo.Head.Tip?.Sha ?? throw new UsageException("--executor slurm checks the current commit out on the workers, and this repository has none yet. Commit, then run again.");
        return new SlurmExecutor(Path.GetFullPath(repoRoot), commit, settings, clock);
    }

    public async Task<Placement> ExecuteAsync(TargetJob job, CancellationToken cancellation)
    {
        // NOTE: the job pulls its inputs from the remote, so what the driver holds (upstream outputs just committed)
        // goes there first; one push at a time, as each pushes the whole dvc.lock.
        await _push.WaitAsync(cancellation);
        try
        {
            var pushed = await Transfer.PushAsync(_root, _settings.RemoteName, null, new TransferOptions(), cancellation);
            if (!pushed.Succeeded) throw new TargetJobException($"could not push the inputs of {job.Target} to remote '{pushed.Remote}': {pushed.Failures[0]}");
        }
        finally
        {
            _push.Release();
        }

        var worker = WorkerCheckout.Create(_root, _commit, _settings.WorkDirectoryFor(_root));
        lock (_workers) _workers.Add(worker);
        var script = Path.Combine(worker.Root, ".nuke", "temp", $"slurm-{job.Target}.sh");
        var logPath = Path.Combine(worker.Root, ".nuke", "temp", $"slurm-{job.Target}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        await File.WriteAllTextAsync(script, JobScript(_settings, job.Target, worker.Root, logPath), cancellation);

        var jobId = SlurmCommands.Submit(script, _settings.SbatchArgs());
        job.Log.Information($"submitted as Slurm job {jobId}");
        var tail = new JobLogTail(logPath, job.Log);
        string state;
        string? node;
        try
        {
            (state, node) = await WaitForEnd(jobId, tail, cancellation);
        }
        catch (OperationCanceledException)
        {
            SlurmCommands.Cancel(jobId);
            SlurmCommands.CancelChildren(jobId);
            throw;
        }
        tail.Drain(final: true);
        var placement = new Placement(node, jobId);
        var ended = $"Slurm job {jobId}{(node is null ? "" : " on " + node)} ended {state}";
        if (state != "COMPLETED")
        {
            // NOTE: a job killed with its node (or by SIGKILL) could not cancel the trial arrays it had submitted.
            SlurmCommands.CancelChildren(jobId);
            throw new TargetJobException($"{ended}{LastLines(tail)}", placement);
        }

        // NOTE: COMPLETED only says the script exited 0; what the driver commits is what it fetched and verified.
        if (await MissingOutput(job, worker.Root, cancellation) is { } missing)
            throw new TargetJobException($"{ended}, but {missing}{LastLines(tail)}", placement);
        BringBackUndeclared(job, worker);
        return placement;
    }

    /// <summary>
    /// Polls the job until it has ended for good, forwarding its log: a job Slurm may requeue (<c>--requeue</c>) after
    /// its node failed goes NODE_FAIL, then REQUEUED and PENDING, and runs again under the same id; that end is final
    /// only when it has lasted <see cref="RequeueGrace"/>. So the driver takes exactly one completed run: the last one.
    /// </summary>
    private async Task<(string State, string? Node)> WaitForEnd(string jobId, JobLogTail tail, CancellationToken cancellation)
    {
        DateTimeOffset? requeuable = null;
        while (true)
        {
            var (state, node, requeue) = SlurmCommands.Show(jobId);
            tail.Drain();
            if (SlurmStates.IsFinal(state))
            {
                if (!requeue || !SlurmStates.MayBeRequeued(state)) return (state, node);
                requeuable ??= _clock.GetUtcNow();
                if (_clock.GetUtcNow() - requeuable >= RequeueGrace) return (state, node);
            }
            else
            {
                requeuable = null;
            }
            await Task.Delay(_settings.PollInterval, _clock, cancellation);
        }
    }

    private static readonly TimeSpan RequeueGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Fetches the outputs the job recorded in its dvc.lock from the remote (each verified by its md5) and stages them;
    /// returns what is missing (no entry, an object not on the remote or with other bytes), or null when all arrived.
    /// </summary>
    private async Task<string?> MissingOutput(TargetJob job, string workerRoot, CancellationToken cancellation)
    {
        if (LockFile.Load(Path.Combine(workerRoot, "dvc.lock")).Get(job.Target) is not { } entry)
            return $"it recorded no dvc.lock entry for {job.Target}";
        var outs = entry.Outs.Where(o => o.Info is not null).ToList();
        var config = DvcConfig.Load(_root);
        using var source = RemoteObjectSource.Open(_root, _settings.RemoteName, config.CacheRoot);
        var problems = await source.FetchObjectsAsync(outs.Select(o => o.Info!.Hash).Distinct().ToList(), cancellation);
        var cache = new ObjectCache(config.CacheRoot);
        if (outs.FirstOrDefault(o => !cache.Contains(o.Info!.Hash)) is { } lost)
            return $"its output {lost.Path} never reached {source.Name}{(problems.Count > 0 ? ": " + problems[0] : "")}";
        foreach (var output in outs)
            cache.Checkout(output.Info!.Hash, Path.Combine(job.StagingRoot, output.Path), output.Info.IsExecutable);
        return null;
    }

    /// <summary>
    /// Copies what the job wrote besides its declared outputs into the driver's workspace, where a local run would have
    /// left it (e.g. Validate's data/schema.yaml, inferred on its first run); such files are not cached, so each is named.
    /// </summary>
    private static void BringBackUndeclared(TargetJob job, WorkerCheckout worker)
    {
        foreach (var file in worker.UndeclaredWrites(job.Outputs))
        {
            var from = Path.Combine(worker.Root, file);
            var to = Path.Combine(job.RootDirectory, file);
            if (!File.Exists(from) || (File.Exists(to) && File.ReadAllBytes(to).AsSpan().SequenceEqual(File.ReadAllBytes(from)))) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            job.Log.Information($"took back {file} from the job (written but not a declared output: declare it to have it cached)");
        }
    }

    private static string LastLines(JobLogTail tail) =>
        tail.LastLines.Count == 0 ? "\nthe job wrote no log lines before it ended" : "\nlast log lines:\n  " + string.Join("\n  ", tail.LastLines);

    /// <summary>
    /// The job: inputs from the remote, the target alone, outputs to the remote. <c>--executor local</c> keeps a
    /// worker from submitting again when parameters.json says slurm. NOTE: the pull allows missing objects because
    /// dvc.lock may name outputs nobody pushed (another stage's, never built here); an input the target really needs
    /// and lacks then fails the target itself, naming the file.
    /// </summary>
    internal static string JobScript(SlurmSettings settings, string target, string workerRoot, string logPath)
    {
        var remote = settings.RemoteName is { } r ? $" --remote {Quote(r)}" : "";
        var sb = new StringBuilder();
        sb.Append("#!/usr/bin/env bash\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name=pipeline-{target}\n");
        sb.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={logPath}\n");
        // NOTE: append, so that a requeued attempt (node failure) adds to the log the driver is following.
        sb.Append("#SBATCH --open-mode=append\n");
        sb.Append("set -eo pipefail\n");
        sb.Append(CultureInfo.InvariantCulture, $"cd {Quote(workerRoot)}\n");
        // NOTE: one writer in the checkout: an attempt requeued after its node was lost waits here until the first
        // one (which may still run on a node the controller can no longer reach) has ended.
        sb.Append("exec 8>.nuke/temp/slurm-job.lock\n");
        sb.Append("if command -v flock >/dev/null 2>&1; then flock 8; fi\n");
        sb.Append("echo \"worker: $(hostname) node ${SLURMD_NODENAME:-?} job ${SLURM_JOB_ID:-?} attempt $(( ${SLURM_RESTART_COUNT:-0} + 1 ))\"\n");
        sb.Append(CultureInfo.InvariantCulture, $"./build.sh Pull --skip --allow-missing --executor local{remote}\n");
        sb.Append(CultureInfo.InvariantCulture, $"./build.sh {target} --skip --executor local{string.Concat(settings.WorkerArgs.Select(a => " " + Quote(a)))}\n");
        sb.Append(CultureInfo.InvariantCulture, $"./build.sh Push --skip --executor local{remote}\n");
        return sb.ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        lock (_workers)
        {
            foreach (var worker in _workers) worker.Dispose();
            _workers.Clear();
        }
        _push.Dispose();
    }
}
