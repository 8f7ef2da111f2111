namespace Pipeline.Ml.Training;

/// <summary>
/// Where the Train stage writes: the model zip (its <see cref="ModelInfo"/> goes next to it), the trials CSV,
/// optionally the trial timings and the ONNX export.
/// </summary>
public sealed record TrainOutputs(string ModelPath, string TrialsPath)
{
    /// <summary>reports/trials_timing.csv; null = not written.</summary>
    public string? TimingPath { get; init; }

    /// <summary>models/model.onnx; null = no export attempted.</summary>
    public string? OnnxPath { get; init; }
}
