using Pipeline.Engine.Execution;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

/// <summary>A target's failure is one line when the user can fix it (bad data, bad usage); a bug keeps its stack trace.</summary>
public sealed class FailureReportTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private async Task<TargetResult> RunThrowing(Exception e)
    {
        _repo.Add(new TargetSpec("Validate") { Outputs = ["out/v.csv"] }, _ => throw e);
        return (await _repo.RunAsync(["Validate"]))[0];
    }

    [Fact]
    public async Task Run_TargetThrowsInvalidData_OneLineWithoutStackTrace()
    {
        var result = await RunThrowing(new InvalidDataException("data/raw/snapshot.csv: column 'nope' (data.label in params.yaml) is not in the header."));

        Assert.Equal(TargetStatus.Failed, result.Status);
        Assert.Equal("data/raw/snapshot.csv: column 'nope' (data.label in params.yaml) is not in the header.", result.Reason);
        Assert.Contains("ERR: data/raw/snapshot.csv: column 'nope'", _repo.Output.ToString());
        Assert.DoesNotContain("   at ", _repo.Output.ToString());
        Assert.DoesNotContain("System.IO.InvalidDataException", _repo.Output.ToString());
    }

    [Fact]
    public async Task Run_TargetThrowsUsageError_OneLineWithoutStackTrace()
    {
        await RunThrowing(new UsageException("params.yaml train.budget is 'abc'; expected an integer."));

        Assert.DoesNotContain("   at ", _repo.Output.ToString());
    }

    [Fact]
    public async Task Run_TargetHasABug_KeepsTheStackTrace()
    {
        var result = await RunThrowing(new InvalidOperationException("Sequence contains no matching element"));

        Assert.Equal(TargetStatus.Failed, result.Status);
        Assert.Contains("System.InvalidOperationException: Sequence contains no matching element", _repo.Output.ToString());
        Assert.Contains("   at ", _repo.Output.ToString());
    }
}
