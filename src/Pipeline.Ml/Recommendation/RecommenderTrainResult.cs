namespace Pipeline.Ml.Recommendation;

/// <summary>What the recommendation search tried and what it chose.</summary>
public sealed record RecommenderTrainResult(IReadOnlyList<RecommenderTrial> Trials, RecommenderTrial Best);
