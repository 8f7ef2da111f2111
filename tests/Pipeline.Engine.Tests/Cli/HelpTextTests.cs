using Pipeline.Engine.Cli;
using Pipeline.Engine.Parameters;
using Pipeline.Engine.Planning;

namespace Pipeline.Engine.Tests.Cli;

public sealed class HelpTextTests
{
    private static readonly TargetSpec[] Specs =
    [
        new("Ingest"),
        new("Train") { IsDefault = true, DependsOn = ["Ingest"], Description = "Fits the model" },
        new("Evaluate") { DependsOn = ["Train", "Ingest"] },
    ];

    private static string[] Lines() =>
        HelpText.Render(Specs, ParameterMember.Of(typeof(CliBuild)), new CliBuild()).Split('\n');

    [Fact]
    public void Render_Targets_ShowDefaultDependenciesAndDescriptions()
    {
        var lines = Lines();

        Assert.Equal("Targets (with their direct dependencies):", lines[0]);
        Assert.Equal(
            ["  Ingest", "  Train (default)    -> Ingest", "    Fits the model", "  Evaluate           -> Train, Ingest"],
            lines[2..6]);
    }

    [Fact]
    public void Render_Track_IsListedAfterTargets()
    {
        var lines = Lines();

        Assert.StartsWith("  Track <path>", lines[6]);
        Assert.StartsWith("    Hash a file or directory into the cache", lines[7]);
    }

    [Fact]
    public void Render_Parameters_ShowDescriptionsAndDefaults()
    {
        var lines = Lines();

        Assert.Contains("Parameters:", lines);
        Assert.Contains("  --learning-rate        Step size of the optimizer (default: 0.05)", lines);
        Assert.Contains("  --threads              Worker threads (default: 4)", lines);
        Assert.Contains("  --model-name           Model name", lines);
    }

    [Fact]
    public void Render_HiddenParameter_NotListed()
    {
        var text = HelpText.Render(Specs, ParameterMember.Of(typeof(CliBuild)), new CliBuild());

        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_BuiltInOptions_ListedAfterParameters()
    {
        var lines = Lines().ToList();

        var threads = lines.FindIndex(l => l.StartsWith("  --threads", StringComparison.Ordinal));
        var force = lines.FindIndex(l => l.StartsWith("  --force", StringComparison.Ordinal));
        Assert.True(threads < force);
        Assert.Contains("  --verbosity <level>    quiet, normal or verbose.", lines);
    }

    [Fact]
    public void Render_DefaultFromInjectedValue_ShowsCurrentValue()
    {
        var build = new CliBuild { Threads = 16 };

        var text = HelpText.Render(Specs, ParameterMember.Of(typeof(CliBuild)), build);

        Assert.Contains("Worker threads (default: 16)", text);
    }
}
