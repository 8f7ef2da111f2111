using Pipeline.Engine.Cli;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Parameters;

namespace Pipeline.Engine.Tests.Cli;

public sealed class OptionValidatorTests
{
    private static readonly IReadOnlyList<ParameterMember> Members = ParameterMember.Of(typeof(CliBuild));

    [Fact]
    public void Check_BuiltInAndParameterOptions_Pass()
    {
        var line = CommandLine.Parse(["Train", "--force", "--jobs", "2", "--learning-rate", "0.1", "--Threads", "4", "--secret-token", "x"]);

        OptionValidator.Check(line, Members);
    }

    [Fact]
    public void Check_Misspelled_SuggestsClosest()
    {
        var line = CommandLine.Parse(["--lerning-rate", "0.1"]);

        var e = Assert.Throws<UsageException>(() => OptionValidator.Check(line, Members));

        Assert.Equal("Unknown option '--lerning-rate'. Did you mean '--learning-rate'? Run ./build.sh --help to list the options.", e.Message);
    }

    [Fact]
    public void Check_MisspelledBuiltIn_SuggestsBuiltIn()
    {
        var line = CommandLine.Parse(["--forse"]);

        var e = Assert.Throws<UsageException>(() => OptionValidator.Check(line, Members));

        Assert.Contains("Did you mean '--force'?", e.Message);
    }

    [Fact]
    public void Check_NothingClose_NoSuggestion()
    {
        var line = CommandLine.Parse(["--zzzzzzzzzzzz"]);

        var e = Assert.Throws<UsageException>(() => OptionValidator.Check(line, Members));

        Assert.Equal("Unknown option '--zzzzzzzzzzzz'. Run ./build.sh --help to list the options.", e.Message);
    }

    [Theory]
    [InlineData("trian", "Train")]
    [InlineData("TRAIN", "Train")]
    [InlineData("evalute", "Evaluate")]
    public void Closest_NearName_Found(string given, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(given, ["Ingest", "Train", "Evaluate"]));

    [Fact]
    public void Closest_FarName_Null() =>
        Assert.Null(Suggestions.Closest("deploy", ["Ingest", "Train", "Evaluate"]));

    [Fact]
    public void Closest_IgnoresDashesAndCase() =>
        Assert.Equal("--learning-rate", Suggestions.Closest("LEARNING_RATE", ["--threads", "--learning-rate"]));
}
