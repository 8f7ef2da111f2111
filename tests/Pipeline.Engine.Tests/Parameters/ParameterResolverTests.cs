using Pipeline.Engine.Cli;
using Pipeline.Engine.Failures;
using Pipeline.Engine.Parameters;

namespace Pipeline.Engine.Tests.Parameters;

public sealed class ParameterResolverTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pe-params-");
    private readonly List<string> _warnings = [];

    public void Dispose() => _dir.Delete(recursive: true);

    private string Defaults => Path.Combine(_dir.FullName, "parameters.json");

    private string Profile(string name) => Path.Combine(_dir.FullName, $"parameters.{name}.json");

    private ParamBuild Resolve(string[] args, Dictionary<string, string>? environment = null, params string[] files)
    {
        var build = new ParamBuild();
        new ParameterResolver(CommandLine.Parse(args), environment ?? [], files.Length > 0 ? files : [Defaults], _warnings.Add)
            .Inject(build, ParameterMember.Of(typeof(ParamBuild)));
        return build;
    }

    [Fact]
    public void Inject_NothingGiven_KeepsInitializers()
    {
        var build = Resolve([]);

        Assert.Equal(0.05, build.LearningRate);
        Assert.Equal("initial", build.ModelName);
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Inject_CommandLine_WinsOverEnvironmentAndFile()
    {
        File.WriteAllText(Defaults, """{ "LearningRate": 0.3 }""");

        var build = Resolve(["--learning-rate", "0.5"], new() { ["LearningRate"] = "0.4" });

        Assert.Equal(0.5, build.LearningRate);
    }

    [Fact]
    public void Inject_ExactEnvironmentName_WinsOverFuzzyMatches()
    {
        var build = Resolve([], new() { ["LearningRate"] = "0.4", ["LEARNING_RATE"] = "0.6", ["NUKE_LEARNING_RATE"] = "0.7" });

        Assert.Equal(0.4, build.LearningRate);
        Assert.Empty(_warnings);
    }

    [Theory]
    [InlineData("LEARNING_RATE")]
    [InlineData("learning-rate")]
    [InlineData("NUKE_LEARNING_RATE")]
    [InlineData("nuke_learningrate")]
    public void Inject_FuzzyEnvironmentName_Used(string variable)
    {
        var build = Resolve([], new() { [variable] = "0.6", ["UNRELATED"] = "1" });

        Assert.Equal(0.6, build.LearningRate);
    }

    [Fact]
    public void Inject_Environment_WinsOverFile()
    {
        File.WriteAllText(Defaults, """{ "learningRate": 0.3 }""");

        var build = Resolve([], new() { ["NUKE_LEARNING_RATE"] = "0.6" });

        Assert.Equal(0.6, build.LearningRate);
    }

    [Fact]
    public void Inject_AmbiguousEnvironment_WarnsAndUsesNone()
    {
        File.WriteAllText(Defaults, """{ "learning-rate": 0.3 }""");

        var build = Resolve([], new() { ["NUKE_LEARNING_RATE"] = "0.6", ["LEARNING_RATE"] = "0.7" });

        Assert.Equal(0.3, build.LearningRate);
        Assert.Equal(
            ["Parameter --learning-rate: several environment variables match (LEARNING_RATE, NUKE_LEARNING_RATE); using none."],
            _warnings);
    }

    [Fact]
    public void Inject_ParametersFile_UsedWithAnySpellingAndArrays()
    {
        File.WriteAllText(Defaults, """
            {
              "$schema": "./build.schema.json",
              // comments are allowed
              "learning_rate": 0.3,
              "Tags": ["a", "b"],
              "Model": "from-file",
            }
            """);

        var build = Resolve([]);

        Assert.Equal(0.3, build.LearningRate);
        Assert.Equal(["a", "b"], build.Tags);
        Assert.Equal("from-file", build.ModelName);
    }

    [Fact]
    public void Inject_LaterProfile_WinsOverEarlierFiles()
    {
        File.WriteAllText(Defaults, """{ "LearningRate": 0.3, "Threads": 2 }""");
        File.WriteAllText(Profile("fast"), """{ "LearningRate": 0.4 }""");
        File.WriteAllText(Profile("ci"), """{ "LearningRate": 0.5 }""");

        var build = Resolve([], null, Defaults, Profile("fast"), Profile("ci"), Profile("missing"));

        Assert.Equal(0.5, build.LearningRate);
        Assert.Equal(2, build.Threads);
    }

    [Fact]
    public void Inject_InvalidJsonFile_IsUsageErrorNamingFile()
    {
        File.WriteAllText(Defaults, "{ broken");

        var e = Assert.Throws<UsageException>(() => Resolve([]));

        Assert.StartsWith($"{Defaults} is not valid JSON", e.Message);
    }

    [Fact]
    public void Inject_ArrayWithSeparator_SplitsAndAccumulates()
    {
        var build = Resolve(["--tags", "a+b", "c", "--tags", "d"]);

        Assert.Equal(["a", "b", "c", "d"], build.Tags);
    }

    [Fact]
    public void Inject_ArrayWithoutSeparator_KeepsTokensWhole()
    {
        var build = Resolve(["--layers", "64", "32"]);

        Assert.Equal([64, 32], build.Layers);
    }

    [Fact]
    public void Inject_BareBoolFlag_IsTrue()
    {
        Assert.True(Resolve(["--fast"]).Fast);
        Assert.False(Resolve(["--fast", "false"]).Fast);
    }

    [Fact]
    public void Inject_NullableAndNegativeValues_Converted()
    {
        var build = Resolve(["--seed", "-7", "--threads", "3"]);

        Assert.Equal(-7, build.Seed);
        Assert.Equal(3, build.Threads);
    }

    [Theory]
    [InlineData("FullRun")]
    [InlineData("fullrun")]
    [InlineData("full-run")]
    [InlineData("FULL-RUN")]
    public void Inject_Enum_CaseInsensitiveWithDashes(string value) =>
        Assert.Equal(TrainingMode.FullRun, Resolve(["--mode", value]).Mode);

    [Fact]
    public void Inject_BadEnum_IsUsageErrorListingAllowedValues()
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["--mode", "turbo"]));

        Assert.Equal("Parameter --mode: 'turbo' is not a valid TrainingMode. Allowed: Quick, FullRun.", e.Message);
    }

    [Fact]
    public void Inject_BadNumber_IsUsageErrorNamingParameter()
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["--threads", "many"]));

        Assert.Equal("Parameter --threads: 'many' is not a valid Int32.", e.Message);
    }

    [Fact]
    public void Inject_BadEnvironmentValue_IsUsageErrorNamingParameter()
    {
        var e = Assert.Throws<UsageException>(() => Resolve([], new() { ["THREADS"] = "x" }));

        Assert.Contains("--threads", e.Message);
    }

    [Fact]
    public void Inject_NonBoolWithoutValue_IsUsageError()
    {
        var e = Assert.Throws<UsageException>(() => Resolve(["--threads"]));

        Assert.Equal("Parameter --threads needs a value.", e.Message);
    }

    [Fact]
    public void Inject_RenamedParameter_UsesAttributeName()
    {
        var build = Resolve(["--model", "m2"]);

        Assert.Equal("m2", build.ModelName);
    }
}
