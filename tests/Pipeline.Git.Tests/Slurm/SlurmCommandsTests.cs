using Pipeline.Git.Slurm;

namespace Pipeline.Git.Tests.Slurm;

/// <summary>The Slurm client calls the executor makes, against the real two-node cluster.</summary>
public sealed class SlurmCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pipeline-slurm-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Script(string name, string body)
    {
        var path = Path.Combine(_dir.FullName, name + ".sh");
        File.WriteAllText(path, $"#!/usr/bin/env bash\n#SBATCH --output={Path.Combine(_dir.FullName, name + ".log")}\n{body}\n");
        return path;
    }

    private static async Task<(string State, string? Node)> FinalState(string jobId)
    {
        for (var i = 0; i < 600; i++)
        {
            var (state, node, _) = SlurmCommands.Show(jobId);
            if (state is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING")) return (state, node);
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {jobId} did not end");
    }

    [SlurmFact]
    public async Task Submit_TwoJobsAtOnce_BothCompleteOnTheClusterNodes()
    {
        SlurmFactAttribute.UseCluster();
        var first = SlurmCommands.Submit(Script("a", "echo $SLURMD_NODENAME; sleep 1"), []);
        var second = SlurmCommands.Submit(Script("b", "echo $SLURMD_NODENAME; sleep 1"), []);

        var a = await FinalState(first);
        var b = await FinalState(second);

        Assert.Equal(("COMPLETED", "COMPLETED"), (a.State, b.State));
        Assert.Equal(["n1", "n2"], new[] { a.Node!, b.Node! }.Order().ToArray());
        Assert.Equal(a.Node, File.ReadAllText(Path.Combine(_dir.FullName, "a.log")).Trim());
    }

    [SlurmFact]
    public async Task Cancel_RunningJob_EndsCancelled()
    {
        SlurmFactAttribute.UseCluster();
        var job = SlurmCommands.Submit(Script("slow", "echo started; sleep 300"), []);
        for (var i = 0; i < 600 && SlurmCommands.Show(job).State == "PENDING"; i++) await Task.Delay(100);

        SlurmCommands.Cancel(job);

        Assert.Equal("CANCELLED", (await FinalState(job)).State);
    }

    [SlurmFact]
    public void Show_RequeueAsSubmitted()
    {
        SlurmFactAttribute.UseCluster();
        var requeue = SlurmCommands.Submit(Script("requeue", "sleep 30"), ["--requeue"]);
        var noRequeue = SlurmCommands.Submit(Script("norequeue", "sleep 30"), ["--no-requeue"]);
        try
        {
            Assert.Equal((true, false), (SlurmCommands.Show(requeue).Requeue, SlurmCommands.Show(noRequeue).Requeue));
        }
        finally
        {
            SlurmCommands.Cancel(requeue);
            SlurmCommands.Cancel(noRequeue);
        }
    }

    [SlurmFact]
    public async Task CancelChildren_CancelsTheJobsThatNameTheParentOnly()
    {
        SlurmFactAttribute.UseCluster();
        var parent = $"{Environment.ProcessId}{_dir.Name.GetHashCode(StringComparison.Ordinal) & 0xffff}";
        var child = SlurmCommands.Submit(Script("child", "sleep 300"), ["--comment=" + SlurmCommands.ParentComment(parent)]);
        var other = SlurmCommands.Submit(Script("other", "sleep 300"), ["--comment=" + SlurmCommands.ParentComment(parent + "0")]);
        try
        {
            SlurmCommands.CancelChildren(parent);

            Assert.Equal("CANCELLED", (await FinalState(child)).State);
            Assert.Contains(SlurmCommands.Show(other).State, new[] { "PENDING", "RUNNING" });
        }
        finally
        {
            SlurmCommands.Cancel(child);
            SlurmCommands.Cancel(other);
        }
    }
}
