namespace Pipeline.Ml.Evaluation;

/// <summary>The production model's metrics on the same holdout and the bootstrap interval of the main metric's difference.</summary>
public sealed record ModelComparison(string? Production, string Metric, IReadOnlyList<KeyValuePair<string, double>> ProductionMetrics, BootstrapInterval Interval);
