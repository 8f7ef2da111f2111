using Microsoft.Extensions.Options;

namespace Pipeline.Serving.Tests;

[Collection(ServingCollection.Name)]
public sealed class ServingOptionsTests(ServingFixture fixture)
{
    [Fact]
    public void Validate_Defaults_NoProblems() =>
        Assert.Empty(new ServingOptions { RootDirectory = fixture.Root }.Validate());

    [Theory]
    [InlineData("../etc", "ModelName '../etc' must be a plain name")]
    [InlineData("unknown-model", "'unknown-model' has no production version")]
    public void Validate_BadModelName_NamesTheProblem(string model, string message) =>
        Assert.Contains(new ServingOptions { RootDirectory = fixture.Root, ModelName = model }.Validate(), p => p.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void Validate_NonLoopbackWithoutTokenAndBadLimits_ListsEveryProblem()
    {
        var problems = new ServingOptions { RootDirectory = fixture.Root, BindAddress = "0.0.0.0", Port = 5080, GrpcPort = 5080, MaxRequestBodyBytes = 0, LogQueueCapacity = -1, ModelVersion = "v7.0.0" }.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("AdminToken", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("v7.0.0 of 'fraud-detector' is not registered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("GrpcPort 5080", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_InvalidOptions_FailsFastListingProblems()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ServingHost.Build(new ServingOptions { RootDirectory = fixture.Root, BindAddress = "not-an-ip" }));

        Assert.Contains("BindAddress 'not-an-ip'", error.Message, StringComparison.Ordinal);
    }
}
