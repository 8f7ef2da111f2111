namespace Pipeline.Ml.Evaluation;

/// <summary>Confusion counts: rows are actual classes, columns predicted classes, both in <see cref="Classes"/> order.</summary>
public sealed record ConfusionMatrix(IReadOnlyList<string> Classes, double[,] Counts);
