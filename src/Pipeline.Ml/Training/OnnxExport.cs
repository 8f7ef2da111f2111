namespace Pipeline.Ml.Training;

/// <summary>The outcome of exporting the model to ONNX: the file written, or why it was not.</summary>
public sealed record OnnxExport(bool Exported, string? Path, string Note);
