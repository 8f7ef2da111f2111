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

    private string[] Explain(bool force = false) =>
        PlanExplainer.Render(_repo.Plan("All"), _repo.Model, new TargetRunner(_repo.Services(), force)).ReplaceLineEndings("\n").Split('\n');

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
}
