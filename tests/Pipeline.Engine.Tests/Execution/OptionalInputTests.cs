using Pipeline.Engine.Execution;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Execution;

public sealed class OptionalInputTests : IDisposable
{
    private readonly TempRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    private TempRepository Validate() => _repo.Add(
        new TargetSpec("Validate") { Inputs = ["data/raw.csv", "data/schema.yaml"], OptionalInputs = ["data/schema.yaml"], Outputs = ["data/valid.csv"] },
        async ctx =>
        {
            // The target infers the schema on its first run, as the reference pipeline's Validate does.
            if (!File.Exists(ctx.Input("data/schema.yaml"))) await File.WriteAllTextAsync(ctx.Input("data/schema.yaml"), "columns: [a]\n");
            await File.WriteAllTextAsync(ctx.Output("data/valid.csv"), File.ReadAllText(ctx.Input("data/raw.csv")));
        });

    [Fact]
    public async Task RunAsync_OptionalInputCreatedByTheTarget_RecordedSoTheNextRunIsUpToDate()
    {
        _repo.Write("data/raw.csv", "a\n1\n");
        Validate();

        var first = await _repo.RunAsync(["Validate"]);
        var second = await _repo.RunAsync(["Validate"]);

        Assert.Equal(TargetStatus.Executed, first[0].Status);
        Assert.Equal((TargetStatus.Skipped, "up to date"), (second[0].Status, second[0].Reason));
    }

    [Fact]
    public async Task RunAsync_OptionalInputEditedLater_RerunsTheTarget()
    {
        _repo.Write("data/raw.csv", "a\n1\n");
        Validate();
        await _repo.RunAsync(["Validate"]);
        _repo.Write("data/schema.yaml", "columns: [a, b]\n");

        var results = await _repo.RunAsync(["Validate"]);

        Assert.Equal((TargetStatus.Executed, "input changed: data/schema.yaml"), (results[0].Status, results[0].Reason));
    }

    [Fact]
    public async Task RunAsync_MissingRequiredInput_FailsNamingIt()
    {
        Validate();

        var results = await _repo.RunAsync(["Validate"]);

        Assert.Equal(TargetStatus.Failed, results[0].Status);
        Assert.StartsWith("Input 'data/raw.csv' of Validate does not exist", results[0].Reason);
    }
}
