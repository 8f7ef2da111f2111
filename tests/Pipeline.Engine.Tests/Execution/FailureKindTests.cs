using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A failed target's result says how it failed as a type, so a build decides without reading the message.</summary>
public sealed class FailureKindTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private async Task<TargetRunResult> RunThrowing(Exception e)
    {
        _repo.Add(new TargetSpec("Gate") { Outputs = ["out/gate.txt"] }, _ => throw e);
        return (await _repo.RunAsync(["Gate"]))[0].ToRunResult();
    }

    [Fact]
    public async Task Run_TargetThrowsCheckFailed_FailedWithCheckFailed()
    {
        var result = await RunThrowing(new CheckFailedException("Deploy gate failed: min auc: value 0.9, threshold 0.999"));

        Assert.Equal(TargetStatus.Failed, result.Status);
        Assert.Equal(FailureKind.CheckFailed, result.Failure);
        Assert.True(result.FailedWith(FailureKind.CheckFailed));
    }

    [Fact]
    public async Task Run_TargetThrowsInputError_FailedWithInputNotCheckFailed()
    {
        var result = await RunThrowing(new InvalidDataException("metrics.json: no key 'auc'."));

        Assert.Equal(FailureKind.Input, result.Failure);
        Assert.False(result.FailedWith(FailureKind.CheckFailed));
    }

    [Fact]
    public async Task Run_TargetHasABug_FailedWithInternal()
    {
        var result = await RunThrowing(new InvalidOperationException("Sequence contains no matching element"));

        Assert.Equal(FailureKind.Internal, result.Failure);
    }

    [Fact]
    public async Task Run_TargetDoesNotWriteItsOutput_FailedWithOutputs()
    {
        _repo.Add(new TargetSpec("Gate") { Outputs = ["out/gate.txt"] }, _ => Task.CompletedTask);

        var result = (await _repo.RunAsync(["Gate"]))[0].ToRunResult();

        Assert.Equal(TargetStatus.Failed, result.Status);
        Assert.Equal(FailureKind.Outputs, result.Failure);
    }

    [Fact]
    public async Task Run_TargetSucceeds_NoFailureKind()
    {
        _repo.Add(new TargetSpec("Gate") { Outputs = ["out/gate.txt"] }, ctx => File.WriteAllTextAsync(ctx.Output("out/gate.txt"), "ok"));

        var result = (await _repo.RunAsync(["Gate"]))[0].ToRunResult();

        Assert.Equal(TargetStatus.Executed, result.Status);
        Assert.Equal(FailureKind.None, result.Failure);
    }
}
