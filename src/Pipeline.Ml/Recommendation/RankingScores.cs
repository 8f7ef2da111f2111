namespace Pipeline.Ml.Recommendation;

/// <summary>The ranking metrics at <see cref="K"/> over <see cref="Users"/> evaluated users (<see cref="RankingMetrics"/>).</summary>
public sealed record RankingScores(int K, int Users, double Ndcg, double HitRate, double Recall, double Precision, double Map, double Coverage);
