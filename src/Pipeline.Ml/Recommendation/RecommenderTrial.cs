namespace Pipeline.Ml.Recommendation;

/// <summary>One candidate of the search and its validation scores.</summary>
public sealed record RecommenderTrial(int Trial, RecommenderConfig Config, RankingScores Scores);
