using Pipeline.Engine.Cli;
using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;
using Pipeline.Engine.Tests.Execution;

namespace Pipeline.Engine.Tests.Cli;

public sealed class PlanExplainerTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public PlanExplainerTests() =>
        _repo.Add(new TargetSpec("Ingest") { Outputs = ["out/raw.txt"] }, TempRepository.Writes("out/raw.txt", "raw"))
            .Add(new TargetSpec("Train") { DependsOn = ["Ingest"], Inputs = ["out/raw.txt"], Outputs = ["out/model.txt"] }, TempRepository.Writes("out/model.txt", "m"))
            .Add(new TargetSpec("All") { DependsOn = ["Train"] });

    public void Dispose() => _repo.Dispose();

    private string[] Explain(bool force = false, ITargetExecutor? executor = null) =>
        PlanExplainer.Render(_repo.Plan("All"), _repo.Model, new TargetRunner(_repo.Services(), force), executor).ReplaceLineEndings("\n").Split('\n');

    /// <summary>Stands for a cluster executor: --plan only asks its name.</summary>
    private sealed class ClusterExecutor : ITargetExecutor
    {
        public string Name => "slurm";

        public Task<Placement> ExecuteAsync(TargetJob job, CancellationToken cancellation) => throw new InvalidOperationException("--plan runs nothing");

        public void Dispose()
        {
        }
    }

    [Fact]
    public void Render_NothingRan_RunThenMayRunThenCollective()
    {
        Assert.Equal(
            [
                "Plan (3 targets):",
                "  Ingest               run        never ran",
                "  Train                may run    after Ingest: Input 'out/raw.txt' of Train does not exist. Create it, or declare the target that writes it as an output producer. [after Ingest]",
                "  All                  skip       collective target (no actions) [after Train]",
                "",
            ],
            Explain());
    }

    [Fact]
    public async Task Render_AfterRun_UpToDateOrForced()
    {
        await _repo.RunAsync(["All"]);

        Assert.Equal("  Ingest               skip       up to date", Explain()[1]);
        Assert.Equal("  Train                skip       up to date [after Ingest]", Explain()[2]);
        Assert.Equal("  Ingest               run        --force", Explain(force: true)[1]);
    }

    [Fact]
    public async Task Render_MissingCachedOutput_Restore()
    {
        await _repo.RunAsync(["All"]);
        File.Delete(_repo.PathOf("out/model.txt"));

        Assert.Equal("  Train                restore    restored from cache: out/model.txt [after Ingest]", Explain()[2]);
    }

    [Fact]
    public void Render_OtherExecutor_RunsShownAsSubmittedAndSkipsUnchanged()
    {
        using var executor = new ClusterExecutor();

        var lines = Explain(executor: executor);

        Assert.Equal("  Ingest               submit     never ran (as a slurm job)", lines[1]);
        Assert.StartsWith("  Train                may submit after Ingest: ", lines[2]);
        Assert.EndsWith("(as a slurm job) [after Ingest]", lines[2]);
        Assert.Equal("  All                  skip       collective target (no actions) [after Train]", lines[3]);
    }

    [Fact]
    public async Task Render_OtherExecutorAfterRun_RestoreStaysWithTheDriver()
    {
        using var executor = new ClusterExecutor();
        await _repo.RunAsync(["All"]);
        File.Delete(_repo.PathOf("out/model.txt"));

        var lines = Explain(executor: executor);

        Assert.Equal("  Ingest               skip       up to date", lines[1]);
        Assert.Equal("  Train                restore    restored from cache: out/model.txt [after Ingest]", lines[2]);
    }

    [Fact]
    public void Render_LocalExecutor_SameAsNone()
    {
        Assert.Equal(Explain(), Explain(executor: LocalExecutor.Instance));
    }
}
