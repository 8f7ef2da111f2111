namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>The deploy gate of the reference pipeline: a threshold the model misses stops the deployment.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class GateTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_MinAucAboveTheModel_FailsGateNamingMetricValueAndThresholdAndRegistersNothing()
    {
        Assert.Equal(0, _repo.Run(PipelineFiles.FastDefaultRun).ExitCode);
        var registry = PipelineFiles.RegistryFiles(_repo);
        var lockText = _repo.Read("dvc.lock");
        var auc = PipelineFiles.Metrics(_repo)["auc"];

        var result = _repo.Run("--set", "gate.min.auc=0.999");

        Assert.True(result.ExitCode == 1, result.ToString());
        var statuses = _repo.Statuses();
        Assert.Equal("failed", statuses["Gate"]);
        Assert.All(["Register", "Deploy"], t => Assert.Equal("not-run", statuses[t]));
        Assert.All(statuses.Where(s => s.Key is not ("Gate" or "Register" or "Deploy")), s => Assert.Equal("skipped", s.Value));
        Assert.Contains($"min auc: value {PipelineFiles.Invariant(auc)}, threshold 0.999", result.Output);
        Assert.Equal(registry, PipelineFiles.RegistryFiles(_repo));
        Assert.Equal(lockText, _repo.Read("dvc.lock"));
    }

    [Fact]
    public void Build_GateFailsWithRetries_RetriesTrainingWithTwiceTheBudgetThenFails()
    {
        Assert.Equal(0, _repo.Run(PipelineFiles.FastDefaultRun).ExitCode);
        var registry = PipelineFiles.RegistryFiles(_repo);

        var result = _repo.Run("--set", "gate.min.auc=0.999", "--set", "gate.retries=1");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Gate failed; retry 1 of 1: back to training with train.budget=", result.Output);
        Assert.Equal(registry, PipelineFiles.RegistryFiles(_repo));
    }
}
