namespace Pipeline.Ml.Recommendation;

/// <summary>What the recommendation evaluation reads and writes.</summary>
public sealed record RecommendationEvaluatorOptions(string ModelPath, string TestCsv, RecommendationColumns Columns, string MetricsPath)
{
    public RecommendationEvaluationOptions Evaluation { get; init; } = new();

    /// <summary>The reports folder (metric@k curve, popularity bias); null: none.</summary>
    public string? ReportsDirectory { get; init; }

    /// <summary>The production model to compare with; null (or not a recommender): no comparison.</summary>
    public string? ProductionModelPath { get; init; }

    public string? ProductionLabel { get; init; }

    public int Bootstrap { get; init; } = 500;

    public int Seed { get; init; } = 7;
}
