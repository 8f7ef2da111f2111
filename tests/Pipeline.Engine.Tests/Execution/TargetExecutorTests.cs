using System.Collections.Concurrent;
using Pipeline.Engine.Definition;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>The executor seam: another executor replaces only "run the target's code"; the driver still commits.</summary>
public sealed class TargetExecutorTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    /// <summary>Stands for a job run elsewhere: it never calls the in-process actions, it leaves outputs staged.</summary>
    private sealed class ElsewhereExecutor(Func<TargetJob, Task> work) : ITargetExecutor
    {
        public ConcurrentQueue<TargetJob> Jobs { get; } = new();

        public string Name => "elsewhere";

        public async Task<Placement> ExecuteAsync(TargetJob job, CancellationToken cancellation)
        {
            Jobs.Enqueue(job);
            await work(job);
            return new Placement("n1", "7");
        }

        public void Dispose()
        {
        }
    }

    private static Task Stage(TargetJob job, string output, string text)
    {
        var path = Path.Combine(job.StagingRoot, output);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.WriteAllTextAsync(path, text);
    }

    [Fact]
    public async Task RunAsync_OtherExecutor_DriverCommitsWhatItStagedAndRecordsPlacement()
    {
        var ranInProcess = false;
        _repo.Add(new TargetSpec("Ingest") { Outputs = ["out/raw.txt"] }, _ => { ranInProcess = true; return Task.CompletedTask; });
        using var executor = new ElsewhereExecutor(job => Stage(job, "out/raw.txt", "from the job"));

        var results = await _repo.RunAsync(["Ingest"], executor: executor);

        Assert.False(ranInProcess);
        var job = Assert.Single(executor.Jobs);
        Assert.Equal(["out/raw.txt"], job.Outputs);
        Assert.Equal(64, job.RunCacheKey.Length);
        Assert.Equal((TargetStatus.Executed, "n1", "7"), (results[0].Status, results[0].Placement.Node, results[0].Placement.JobId));
        Assert.Equal("from the job", _repo.Read("out/raw.txt"));
        Assert.Contains("out/raw.txt", _repo.Read("dvc.lock"));

        var again = await _repo.RunAsync(["Ingest"], executor: executor);

        Assert.Equal(TargetStatus.Skipped, again[0].Status);
        Assert.Single(executor.Jobs);
    }

    [Fact]
    public async Task RunAsync_OtherExecutorFails_TargetFailedWithItsLineAndNothingCommitted()
    {
        _repo.Add(new TargetSpec("Ingest") { Outputs = ["out/raw.txt"] }, TempRepository.Writes("out/raw.txt", "local"));
        using var executor = new ElsewhereExecutor(async job =>
        {
            await Stage(job, "out/raw.txt", "half");
            throw new TargetJobException("job 7 on n1 ended CANCELLED\nlast log lines:\n  started", new Placement("n1", "7"));
        });

        var results = await _repo.RunAsync(["Ingest"], executor: executor);

        Assert.Equal((TargetStatus.Failed, "job 7 on n1 ended CANCELLED", "n1", "7"),
            (results[0].Status, results[0].Reason, results[0].Placement.Node, results[0].Placement.JobId));
        Assert.Contains("last log lines:", _repo.Output.ToString());
        Assert.False(File.Exists(_repo.PathOf("out/raw.txt")));
        Assert.False(File.Exists(_repo.PathOf("dvc.lock")) && _repo.Read("dvc.lock").Contains("out/raw.txt"));
    }

    [Fact]
    public async Task RunAsync_DefaultExecutor_RunsActionsInProcessAndRecordsNoPlacement()
    {
        _repo.Add(new TargetSpec("Ingest") { Outputs = ["out/raw.txt"] }, TempRepository.Writes("out/raw.txt", "local"));

        var results = await _repo.RunAsync(["Ingest"]);

        Assert.Equal((TargetStatus.Executed, null, null), (results[0].Status, results[0].Placement.Node, results[0].Placement.JobId));
        Assert.Equal("local", _repo.Read("out/raw.txt"));
    }
}
