namespace Pipeline.Serving.Models;

/// <summary>
/// One row's prediction: binary → <see cref="Score"/> is the positive-class probability and <see cref="Label"/> the
/// decision at the model's threshold; multiclass → <see cref="Class"/> and <see cref="Probabilities"/> (per class,
/// in <see cref="ServedModel.Classes"/> order) with <see cref="Score"/> the top probability; regression →
/// <see cref="Score"/> is the value.
/// </summary>
internal sealed record Prediction(float Score, bool? Label, string? Class, float[]? Probabilities);
