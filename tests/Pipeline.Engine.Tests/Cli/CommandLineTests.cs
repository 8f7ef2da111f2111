using Pipeline.Engine.Cli;
using Pipeline.Engine.Failures;

namespace Pipeline.Engine.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_LeadingTokens_ArePositionals()
    {
        var line = CommandLine.Parse(["Train", "Evaluate", "--force"]);

        Assert.Equal(["Train", "Evaluate"], line.Positionals);
        Assert.True(line.Has("force"));
    }

    [Fact]
    public void Parse_TokensAfterOption_AreItsValues()
    {
        var line = CommandLine.Parse(["--skip", "Ingest", "Validate", "--jobs", "4"]);

        Assert.Empty(line.Positionals);
        Assert.Equal(["Ingest", "Validate"], line.Values("skip"));
        Assert.Equal("4", line.Single("jobs"));
    }

    [Fact]
    public void Parse_BareOption_HasEmptyValues()
    {
        var line = CommandLine.Parse(["--skip"]);

        Assert.NotNull(line.Values("skip"));
        Assert.Empty(line.Values("skip")!);
        Assert.Null(line.Single("skip"));
    }

    [Fact]
    public void Values_AbsentOption_IsNull()
    {
        var line = CommandLine.Parse(["Train"]);

        Assert.Null(line.Values("skip"));
        Assert.False(line.Has("skip"));
    }

    [Fact]
    public void Parse_RepeatedOption_Accumulates()
    {
        var line = CommandLine.Parse(["--set", "a=1", "--force", "--set", "b=2", "c=3"]);

        Assert.Equal(["a=1", "b=2", "c=3"], line.Values("set"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("-1e-3")]
    public void Parse_NegativeNumber_IsAValue(string number)
    {
        var line = CommandLine.Parse(["--offset", number]);

        Assert.Equal(number, line.Single("offset"));
        Assert.Equal(["--offset"], line.OptionNames);
    }

    [Theory]
    [InlineData("--my-param")]
    [InlineData("--MyParam")]
    [InlineData("--my_param")]
    [InlineData("-myparam")]
    public void Has_AnySpelling_MatchesNormalizedName(string spelled)
    {
        var line = CommandLine.Parse([spelled, "x"]);

        Assert.True(line.Has("MyParam"));
        Assert.True(line.Has("my-param"));
        Assert.Equal("x", line.Single("my_param"));
    }

    [Fact]
    public void Parse_TwoSpellingsOfOneOption_ShareValuesAndKeepFirstSpelling()
    {
        var line = CommandLine.Parse(["--my-param", "a", "--MyParam", "b"]);

        Assert.Equal(["a", "b"], line.Values("myParam"));
        Assert.Equal(["--my-param"], line.OptionNames);
    }

    [Fact]
    public void Parse_DashesOnly_IsUsageError()
    {
        var e = Assert.Throws<UsageException>(() => CommandLine.Parse(["--"]));

        Assert.Equal("'--' is not a valid option.", e.Message);
    }

    [Fact]
    public void Single_SeveralValues_IsUsageErrorNamingKebabOption()
    {
        var line = CommandLine.Parse(["--learning-rate", "0.1", "0.2"]);

        var e = Assert.Throws<UsageException>(() => line.Single("LearningRate"));

        Assert.Equal("--learning-rate takes one value, got 2: 0.1 0.2.", e.Message);
        Assert.Equal(2, e.ExitCode);
    }

    [Fact]
    public void Parse_DashedTokenWithSpaces_IsAValue()
    {
        var line = CommandLine.Parse(["Train", "--slurm-args", "--gres=gpu:1 --time=02:00:00", "--jobs", "2"]);

        Assert.Equal(["--gres=gpu:1 --time=02:00:00"], line.Values("slurm-args"));
        Assert.Equal(["2"], line.Values("jobs"));
    }
}
