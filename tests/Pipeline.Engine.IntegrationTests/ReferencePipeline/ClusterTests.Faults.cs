using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>Faults on the cluster: outputs that never reach the remote, a node that dies, a Train job's trial arrays.</summary>
public sealed partial class ClusterTests
{
    [ClusterFact]
    public void ExecutorSlurm_JobCompletedButItsOutputsNeverReachedTheRemote_TargetFailedWithTheStateAndLastLinesAndOnlyItLeftToRun()
    {
        var (driver, stdout, jobId, before) = StartValidateJob();
        using var owned = driver;
        var pid = driver.Id.ToString(CultureInfo.InvariantCulture);
        // NOTE: the fault, for real: the driver is held (SIGSTOP) while its job runs; once the job has COMPLETED, the
        // objects it pushed are removed from the bucket; then the driver goes on to fetch and verify them.
        Slurm("kill", "-STOP", pid);
        IReadOnlyList<string> removed;
        try
        {
            Assert.Equal("COMPLETED", WaitForEnd(jobId));
            removed = RemovePushedOutputs("Validate");
        }
        finally
        {
            Slurm("kill", "-CONT", pid);
        }
        Assert.NotEmpty(removed);
        Assert.True(driver.WaitForExit(TimeSpan.FromMinutes(5)), "the driver did not end");

        AssertValidateFailedAndOnlyItLeftToRun(driver, stdout.Result, jobId, before, $@"Slurm job {jobId} on n[12] ended COMPLETED, but its output \S+ never reached");
    }

    [ClusterFact]
    public void ExecutorSlurm_NodeDiesUnderItsJob_TargetFailedWithNodeFailAndLastLinesDvcLockUnchangedAndOnlyItLeftToRun()
    {
        var (driver, stdout, jobId, before) = StartValidateJob("--no-requeue");
        using var owned = driver;
        var node = WaitUntilRunning(jobId);

        using (SlurmNode.Kill(ClusterFactAttribute.SlurmConf!, node, jobId))
            Assert.True(driver.WaitForExit(TimeSpan.FromMinutes(5)), "the driver did not end after the node died");

        AssertValidateFailedAndOnlyItLeftToRun(driver, stdout.Result, jobId, before, $"Slurm job {jobId} on {node} ended NODE_FAIL");
    }

    [ClusterFact]
    public void ExecutorSlurm_NodeDiesUnderARequeueableJob_TheJobRunsAgainOnTheOtherNodeAndTheDriverTakesThatOneRun()
    {
        var (driver, stdout, jobId, _) = StartValidateJob("--requeue");
        using var owned = driver;
        var node = WaitUntilRunning(jobId);

        // NOTE: Slurm holds a requeued job for about two minutes (Reason=BeginTime) before it runs again.
        using (SlurmNode.Kill(ClusterFactAttribute.SlurmConf!, node, jobId))
            Assert.True(driver.WaitForExit(TimeSpan.FromMinutes(8)), "the driver did not end after the job was requeued");

        var output = stdout.Result;
        Assert.True(driver.ExitCode == 0, output);
        var validate = RunRecord().Single(r => r.Target == "Validate");
        // NOTE: one job id, two attempts in its log; the driver took the second one's outputs, from the other node.
        Assert.Equal(("executed", jobId), (validate.Status, validate.JobId));
        Assert.NotEqual(node, validate.Node);
        Assert.Matches($@"worker: .* node {node} job {jobId} attempt 1", output);
        Assert.Matches($@"worker: .* node {validate.Node} job {jobId} attempt 2", output);
        var onCluster = _repo.Read("dvc.lock");

        var local = _repo.Run("Validate", "--force");

        Assert.True(local.ExitCode == 0, local.ToString());
        Assert.Equal(onCluster, _repo.Read("dvc.lock"));
    }

    [ClusterFact]
    public void ExecutorSlurm_TrainJobScancelled_ItsTrialArrayIsCancelledTooAndNothingIsLeftQueued()
    {
        CommitWithRemote();
        Assert.True(_repo.Run(TimeSpan.FromMinutes(10), "Featurize").ExitCode == 0);
        var before = _repo.Read("dvc.lock");
        // NOTE: 400 trials, at most train.max_parallel_trials at a time: the rung-0 array is still running when Train's job is cancelled.
        using var driver = _repo.Start(["Train", "--executor", "slurm", "--set", "train.budget=400"], Cluster);
        var stdout = driver.StandardOutput.ReadToEndAsync();
        var train = WaitForJob(driver, "pipeline-Train");
        var array = WaitForJob(driver, "pipeline-Train-rung0");

        Scancel(train);
        Assert.True(driver.WaitForExit(TimeSpan.FromMinutes(3)), "the driver did not end after its Train job was cancelled");

        Assert.Equal(1, driver.ExitCode);
        Assert.Matches($"Slurm job {train}( on n[12])? ended CANCELLED", _repo.Reasons()["Train"]);
        Assert.Equal(before, _repo.Read("dvc.lock"));
        Assert.Contains("job array " + array, stdout.Result);
        Assert.Equal("", WaitUntilGone(array));
    }

    /// <summary>Validate failed (its job's id and last log lines reported, the reason matching <paramref name="reason"/>), dvc.lock as before, and only Validate left to run.</summary>
    private void AssertValidateFailedAndOnlyItLeftToRun(Process driver, string stdout, string jobId, string before, string reason)
    {
        Assert.Equal(1, driver.ExitCode);
        var validate = RunRecord().Single(r => r.Target == "Validate");
        Assert.Equal(("failed", jobId), (validate.Status, validate.JobId));
        Assert.Matches(reason, _repo.Reasons()["Validate"]);
        Assert.Contains("last log lines:", stdout);
        Assert.Equal(before, _repo.Read("dvc.lock"));
        var plan = _repo.Run("Validate", "--plan");
        Assert.Matches(@"Ingest\s+skip\s+up to date", plan.Stdout);
        Assert.Matches(@"Validate\s+run", plan.Stdout);
    }

    /// <summary>
    /// The node job <paramref name="jobId"/> runs on, once the job's own processes have started there and its log has
    /// its first line (a job killed before it wrote anything has no last lines to report).
    /// </summary>
    private string WaitUntilRunning(string jobId)
    {
        for (var i = 0; i < 3000; i++)
        {
            var fields = Slurm("scontrol", "show", "job", "-o", jobId).Split(' ').Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2)
                .GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]);
            if (fields.GetValueOrDefault("JobState") == "RUNNING" && fields.GetValueOrDefault("BatchHost") is { } node
                && SlurmNode.JobProcesses(jobId).Count > 1
                && fields.GetValueOrDefault("StdOut") is { } log && File.Exists(log) && File.ReadAllText(log).Contains("worker: ", StringComparison.Ordinal))
                return node;
            Thread.Sleep(100);
        }
        throw new TimeoutException($"job {jobId} never ran");
    }

    /// <summary>What squeue still lists of <paramref name="arrayId"/> after up to a minute: empty when every task has ended.</summary>
    private string WaitUntilGone(string arrayId)
    {
        var left = "";
        for (var i = 0; i < 600; i++)
        {
            left = string.Join(' ', Slurm("squeue", "-h", "-o", "%i %T").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(l => l.StartsWith(arrayId + "_", StringComparison.Ordinal)));
            if (left.Length == 0) return "";
            Thread.Sleep(100);
        }
        return left;
    }

    /// <summary>
    /// Removes from the bucket the objects of <paramref name="target"/>'s outputs that its job recorded in its worker
    /// checkout's dvc.lock (the checkout lives until the driver ends); returns their keys.
    /// </summary>
    private List<string> RemovePushedOutputs(string target)
    {
        var lockText = File.ReadAllText(Assert.Single(Directory.GetFiles(_repo.PathOf(".nuke/temp/slurm"), "dvc.lock", SearchOption.AllDirectories)));
        var stage = Regex.Match(lockText, $@"(?ms)^  {target}:\n(.*?)(?=^  \S|\z)").Groups[1].Value;
        var outs = stage[stage.IndexOf("    outs:", StringComparison.Ordinal)..];
        var keys = Regex.Matches(outs, @"md5: ([0-9a-f]{2})([0-9a-f]{30}(\.dir)?)").Select(m => $"dvcstore/files/md5/{m.Groups[1].Value}/{m.Groups[2].Value}").ToList();
        foreach (var key in keys) S3Server.DeleteObject(_bucket!, key);
        return keys;
    }
}
