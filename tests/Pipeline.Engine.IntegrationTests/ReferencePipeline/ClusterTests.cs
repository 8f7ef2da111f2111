using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>A fact that needs the real two-node Slurm cluster (.ci/slurm.sh) and the real S3 server (.ci/ceph.sh).</summary>
internal sealed class ClusterFactAttribute : FactAttribute
{
    public static string? SlurmConf => Environment.GetEnvironmentVariable("PIPELINE_TEST_SLURM_CONF") is { Length: > 0 } conf ? conf : null;

    public ClusterFactAttribute()
    {
        if (SlurmConf is null)
            Skip = "PIPELINE_TEST_SLURM_CONF is not set: `bash .ci/slurm.sh` starts a throw-away two-node Slurm cluster on 127.0.0.1 and prints it (.ci/run exports it) to run the cluster tests.";
        else if (S3Server.Configured is null)
            Skip = "PIPELINE_TEST_S3_* are not set: `bash .ci/ceph.sh` starts the Ceph radosgw the cluster tests return outputs through.";
    }

    /// <summary>The test also checks dvc.lock with DVC's format check (<see cref="DvcLockFormat"/>): skipped when that cannot run.</summary>
    public bool ChecksDvcLock
    {
        get => Skip is null && DvcLockFormat.Unavailable is null;
        set { if (value && Skip is null && DvcLockFormat.Unavailable is { } reason) Skip = reason; }
    }
}

/// <summary>
/// <c>--executor slurm</c> end to end through ./build.sh: each executing target is a job on n1/n2 that returns its
/// outputs through radosgw, and the driver's dvc.lock equals a local run's; a scancelled job fails its target.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed partial class ClusterTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();
    private string? _bucket;

    public void Dispose() => _repo.Dispose();

    private Dictionary<string, string> Cluster => new() { ["SLURM_CONF"] = ClusterFactAttribute.SlurmConf! };

    private void CommitWithRemote()
    {
        var (endpoint, key, secret) = S3Server.Configured!.Value;
        var bucket = _bucket = S3Server.CreateBucket();
        GitCli.Run(_repo.Root, "init", "-q", "-b", "main");
        GitCli.Run(_repo.Root, "config", "user.name", "Pipeline Tests");
        GitCli.Run(_repo.Root, "config", "user.email", "tests@example.com");
        _repo.Write(".dvc/config", $"[core]\n    remote = storage\n['remote \"storage\"']\n    url = s3://{bucket}/dvcstore\n    endpointurl = {endpoint}\n");
        GitCli.Run(_repo.Root, "add", "-A");
        GitCli.Run(_repo.Root, "commit", "-q", "-m", "pipeline");
        _repo.Write(".dvc/config.local", $"['remote \"storage\"']\n    access_key_id = {key}\n    secret_access_key = {secret}\n");
    }

    private List<(string Target, string Status, string? Node, string? JobId)> RunRecord()
    {
        using var doc = JsonDocument.Parse(_repo.Read(".nuke/temp/run.json"));
        return doc.RootElement.EnumerateArray().Select(e => (
            e.GetProperty("target").GetString()!, e.GetProperty("status").GetString()!,
            e.TryGetProperty("node", out var n) ? n.GetString() : null, e.TryGetProperty("job_id", out var j) ? j.GetString() : null)).ToList();
    }

    [ClusterFact]
    public void ExecutorSlurm_SourceThenIngest_EachTargetAJobOnAClusterNodeAndDvcLockEqualsALocalRun()
    {
        CommitWithRemote();

        // NOTE: Validate's undeclared data/schema.yaml coming back is the schema test's subject; this one stops at Ingest.
        var run = _repo.Run(["Ingest", "--executor", "slurm"], Cluster);

        Assert.True(run.ExitCode == 0, run.ToString());
        var record = RunRecord();
        Assert.Equal(["Source", "Ingest"], record.Select(r => r.Target));
        Assert.All(record, r => Assert.Equal("executed", r.Status));
        Assert.All(record, r => Assert.Contains(r.Node, new[] { "n1", "n2" }));
        Assert.Equal(2, record.Select(r => r.JobId).Distinct().Count());
        Assert.Contains("[Ingest] ", run.Stdout);
        var onCluster = _repo.Read("dvc.lock");

        var local = _repo.Run("Ingest", "--force");

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(onCluster, _repo.Read("dvc.lock"));
        Assert.All(RunRecord(), r => Assert.Null(r.Node));
    }

    [ClusterFact(ChecksDvcLock = true)]
    public void ExecutorSlurm_Train_EveryTargetAJobTrialsAsArraysOnBothNodesDvcLockAcceptedByDvcAndModelZipEqualsALocalRun()
    {
        CommitWithRemote();

        var run = _repo.Run(TimeSpan.FromMinutes(25), ["Train", "--executor", "slurm"], Cluster);

        Assert.True(run.ExitCode == 0, run.ToString());
        var record = RunRecord();
        Assert.Contains("Train", record.Select(r => r.Target));
        Assert.All(record, r => Assert.Equal("executed", r.Status));
        Assert.All(record, r => Assert.Contains(r.Node, new[] { "n1", "n2" }));
        Assert.Equal(record.Count, record.Select(r => r.JobId).Distinct().Count());
        Assert.Matches(@"\[Train\] .*job array", run.Stdout);
        var trials = _repo.Read("reports/trials.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",node,job_id", trials[0]);
        var rows = trials.Skip(1).Select(l => l.Split(',')).ToList();
        // NOTE: every trial is an array task (<array>_<task>) on a node; rung 0's tasks spread over both nodes.
        Assert.All(rows, r => Assert.Matches(@"^\d+_\d+$", r[^1]));
        Assert.Equal(["n1", "n2"], rows.Select(r => r[^2]).Distinct().Order());
        Assert.Equal("ok", DvcLockFormat.Check(_repo.Root));
        var model = File.ReadAllBytes(_repo.PathOf("models/model.zip"));

        var local = _repo.Run(TimeSpan.FromMinutes(15), "Train", "--force");

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(model, File.ReadAllBytes(_repo.PathOf("models/model.zip")));
        // NOTE: the same trials with the same values; only the cluster's file names where each ran.
        Assert.Equal(trials.Select(l => l[..l.LastIndexOf(',', l.LastIndexOf(',') - 1)]), _repo.Read("reports/trials.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [ClusterFact]
    public void ExecutorSlurm_JobHitsItsTimeLimit_TrainFailedWithTimeoutDvcLockUnchangedAndOnlyTrainLeftToRun()
    {
        CommitWithRemote();
        Assert.True(_repo.Run(TimeSpan.FromMinutes(10), "Featurize").ExitCode == 0);
        var before = _repo.Read("dvc.lock");

        // NOTE: Slurm's time limits are whole minutes; 400 trials in the one Train job (--trial-executor local) outlast one.
        var run = _repo.Run(TimeSpan.FromMinutes(10),
            ["Train", "--executor", "slurm", "--trial-executor", "local", "--slurm-args", "--time=1 --no-requeue", "--set", "train.budget=400"], Cluster);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"Slurm job \d+ on n[12] ended TIMEOUT", _repo.Reasons()["Train"]);
        Assert.Contains("last log lines:", run.Stdout + run.Stderr);
        Assert.Equal(before, _repo.Read("dvc.lock"));
        var plan = _repo.Run("Train", "--plan");
        Assert.Matches(@"Featurize\s+skip\s+up to date", plan.Stdout);
        Assert.Matches(@"Train\s+run", plan.Stdout);
    }

    [ClusterFact]
    public void ExecutorSlurm_JobScancelled_TargetFailedWithTheStateAndDvcLockKeepsItsEntry()
    {
        var (driver, stdout, jobId, before) = StartValidateJob();
        using var owned = driver;
        Scancel(jobId);
        Assert.True(driver.WaitForExit(TimeSpan.FromMinutes(5)));

        Assert.Equal(1, driver.ExitCode);
        var validate = RunRecord().Single(r => r.Target == "Validate");
        Assert.Equal(("failed", jobId), (validate.Status, validate.JobId));
        Assert.Matches($"Slurm job {jobId}( on n[12])? ended CANCELLED", _repo.Reasons()["Validate"]);
        Assert.Equal(before, _repo.Read("dvc.lock"));
        Assert.Contains("Validate", stdout.Result);
    }

    [ClusterFact]
    public void ExecutorSlurm_ValidateInfersTheSchema_PlanShowsTheSubmitAndTheSchemaComesBackAsInALocalRun()
    {
        // NOTE: the template holds no schema, so Validate's job infers it, as on a fresh repository.
        Assert.False(File.Exists(_repo.PathOf("data/schema.yaml")));
        CommitWithRemote();
        Assert.True(_repo.Run("Ingest").ExitCode == 0);

        var plan = _repo.Run(["Validate", "--plan", "--executor", "slurm"], Cluster);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Matches(@"Ingest\s+skip\s+up to date", plan.Stdout);
        Assert.Matches(@"Validate\s+submit\s+.*\(as a slurm job\)", plan.Stdout);

        var run = _repo.Run(["Validate", "--executor", "slurm"], Cluster);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("took back data/schema.yaml", run.Stdout);
        Assert.Contains(RunRecord().Single(r => r.Target == "Validate").Node, new[] { "n1", "n2" });
        // NOTE: the worker checkouts live in the work folder (default .nuke/temp/slurm) only while their job runs.
        Assert.Empty(Directory.EnumerateDirectories(_repo.PathOf(".nuke/temp/slurm")));
        var (schema, onCluster) = (_repo.Read("data/schema.yaml"), _repo.Read("dvc.lock"));
        File.Delete(_repo.PathOf("data/schema.yaml"));

        var local = _repo.Run("Validate", "--force");

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(schema, _repo.Read("data/schema.yaml"));
        Assert.Equal(onCluster, _repo.Read("dvc.lock"));
    }

    [ClusterFact]
    public void ExecutorSlurm_DriverInterrupted_ItsJobIsCancelledAndDvcLockKeepsItsEntry()
    {
        var (driver, stdout, jobId, before) = StartValidateJob();
        using var owned = driver;
        Slurm("kill", "-INT", driver.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(driver.WaitForExit(TimeSpan.FromMinutes(2)), "the driver did not stop on SIGINT");

        Assert.Equal(1, driver.ExitCode);
        Assert.Equal("CANCELLED", WaitForEnd(jobId));
        Assert.Equal(before, _repo.Read("dvc.lock"));
        Assert.Contains("Validate", stdout.Result);
    }

    /// <summary>Ingest locally, then a driver whose Validate is a job: the driver, its output, the job id and dvc.lock before.</summary>
    private (Process Driver, Task<string> Stdout, string JobId, string LockBefore) StartValidateJob(params string[] sbatchArgs)
    {
        CommitWithRemote();
        Assert.True(_repo.Run("Ingest").ExitCode == 0);
        var before = _repo.Read("dvc.lock");
        var driver = _repo.Start(["Validate", "--executor", "slurm", .. sbatchArgs.Length > 0 ? new[] { "--slurm-args", string.Join(' ', sbatchArgs) + " " } : []], Cluster);
        var stdout = driver.StandardOutput.ReadToEndAsync();
        try
        {
            return (driver, stdout, WaitForJob(driver), before);
        }
        catch
        {
            driver.Dispose();
            throw;
        }
    }

    /// <summary>The job's final state, as slurmctld keeps it after the end.</summary>
    private string WaitForEnd(string jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = Slurm("scontrol", "show", "job", "-o", jobId).Split(' ').Select(f => f.Split('=', 2))
                .FirstOrDefault(kv => kv[0] == "JobState")?[1];
            if (state is not (null or "PENDING" or "RUNNING" or "COMPLETING" or "CONFIGURING")) return state;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"job {jobId} never ended");
    }

    /// <summary>The id of the driver's job named <paramref name="name"/> once squeue lists it; fails at once when the driver ended first.</summary>
    private string WaitForJob(Process driver, string name = "pipeline-Validate")
    {
        for (var i = 0; i < 6000; i++)
        {
            if (driver.HasExited) throw new InvalidOperationException($"the driver ended (exit {driver.ExitCode}) before its job {name} was queued: {driver.StandardError.ReadToEnd()}");
            var jobs = Slurm("squeue", "-h", "-o", "%F %j").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split(' ')).Where(f => f.Length == 2 && f[1] == name).ToList();
            if (jobs.Count > 0) return jobs[0][0];
            Thread.Sleep(100);
        }
        throw new TimeoutException($"the job {name} never appeared in squeue");
    }

    private void Scancel(string jobId) => Slurm("scancel", jobId);

    private string Slurm(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["SLURM_CONF"] = ClusterFactAttribute.SlurmConf;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
