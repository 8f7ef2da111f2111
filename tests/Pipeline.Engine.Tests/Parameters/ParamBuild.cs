namespace Pipeline.Engine.Tests.Parameters;

/// <summary>How the model is trained; an enum parameter.</summary>
public enum TrainingMode
{
    Quick,
    FullRun,
}

/// <summary>A build class with one parameter of each kind the resolver converts.</summary>
internal sealed class ParamBuild : PipelineBuild
{
    [Parameter]
    public double LearningRate { get; set; } = 0.05;

    [Parameter]
    public int Threads { get; set; } = 1;

    [Parameter]
    public int? Seed { get; set; }

    [Parameter(Separator = "+")]
    public string[] Tags { get; set; } = [];

    [Parameter]
    public int[] Layers { get; set; } = [];

    [Parameter]
    public bool Fast { get; set; }

    [Parameter]
    public TrainingMode Mode { get; set; } = TrainingMode.Quick;

    [Parameter(Name = "Model")]
    public string ModelName { get; set; } = "initial";
}
