namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>
/// A Register killed after it registered the model but before dvc.lock recorded it: the next run re-runs Register,
/// which finds the identical registration and reuses that version instead of registering the same model again.
/// </summary>
[Collection(ReferenceCollection.Name)]
public sealed class DeployKillTests(ReferenceTemplate template) : IDisposable
{
    private const string ModelFolder = PipelineFiles.Registry + "/fraud-detector";

    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Build_RegisterKilledAfterRegistering_NextRunReusesTheVersion()
    {
        var killed = _repo.Run([.. PipelineFiles.FastDefaultRun], new Dictionary<string, string> { ["PIPELINE_TEST_KILL_AT"] = "Register:promote" });
        Assert.True(killed.ExitCode == 137, $"expected SIGKILL (137)\n{killed}");
        Assert.Equal(["v0.0.1"], Versions());
        Assert.DoesNotContain("Register:", _repo.Read("dvc.lock"));

        var next = _repo.Run(PipelineFiles.FastDefaultRun);

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("executed", _repo.Statuses()["Register"]);
        Assert.Equal(["v0.0.1"], Versions());
        Assert.Equal("v0.0.1\n", _repo.Read(ModelFolder + "/production"));
        Assert.Contains("fraud-detector v0.0.1 already holds this model and lineage", next.Output);
        Assert.Contains("Register:", _repo.Read("dvc.lock"));
    }

    private string[] Versions() =>
        [.. Directory.GetDirectories(_repo.PathOf(ModelFolder)).Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith('v')).Order(StringComparer.Ordinal)];
}
