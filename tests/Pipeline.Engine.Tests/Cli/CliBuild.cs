namespace Pipeline.Engine.Tests.Cli;

/// <summary>A build class with a few parameters, for option validation and help text.</summary>
internal sealed class CliBuild : PipelineBuild
{
    [Parameter("Step size of the optimizer")]
    public double LearningRate { get; set; } = 0.05;

    [Parameter("Worker threads")]
    public int Threads { get; set; } = 4;

    [Parameter("Model name")]
    public string? ModelName { get; set; }

    [Parameter("Never shown", List = false)]
    public string SecretToken { get; set; } = "hidden";
}
