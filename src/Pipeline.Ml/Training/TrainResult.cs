namespace Pipeline.Ml.Training;

/// <summary>The outcome of the Train stage: every trial, the best one, the model info and the ONNX export outcome.</summary>
public sealed record TrainResult(IReadOnlyList<TrialResult> Trials, TrialResult Best, ModelInfo Model, OnnxExport Onnx)
{
    /// <summary>Notes on params.yaml train.trainers for this task: names mapped to a counterpart or skipped (see <see cref="TrainerCatalog.Resolve"/>).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
