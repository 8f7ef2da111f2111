using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>Targets with effects beyond their outputs (NoRunCache) execute where others are restored from the run-cache.</summary>
public sealed class NoRunCacheTests : IDisposable
{
    private readonly TempRepository _repo = new();
    private int _executions;

    public void Dispose() => _repo.Dispose();

    private void Register(bool noRunCache) => _repo.Add(
        new TargetSpec("Register") { Inputs = ["model.txt"], Outputs = ["gate.txt"], NoRunCache = noRunCache },
        async ctx =>
        {
            _executions++;
            await File.WriteAllTextAsync(ctx.Output("gate.txt"), "passed " + File.ReadAllText(ctx.Input("model.txt")));
        });

    [Theory]
    [InlineData(false, "Restored", 2)]
    [InlineData(true, "Executed", 3)]
    public async Task RunAsync_InputRevertedToAnEarlierVersion_RestoresOnlyWhenTheRunCacheIsAllowed(bool noRunCache, string expected, int executions)
    {
        Register(noRunCache);
        _repo.Write("model.txt", "v1");
        await _repo.RunAsync(["Register"]);
        _repo.Write("model.txt", "v2");
        await _repo.RunAsync(["Register"]);
        _repo.Write("model.txt", "v1");

        var results = await _repo.RunAsync(["Register"]);

        Assert.Equal(expected, results[0].Status.ToString());
        Assert.Equal(executions, _executions);
        Assert.Equal("passed v1", File.ReadAllText(_repo.PathOf("gate.txt")));
    }
}
