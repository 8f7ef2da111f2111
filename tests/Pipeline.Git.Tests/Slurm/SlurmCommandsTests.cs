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
            var shown = SlurmCommands.Show(jobId);
            if (shown.State is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING")) return shown;
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
}
