using System.Globalization;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// How far the recommendation search is after a candidate was scored on validation: candidates done of all, the best so
/// far (ties: the earlier trial, as the search picks) and the one that just finished. It keeps no clock: the host adds
/// elapsed and remaining time.
/// </summary>
public sealed record RecommenderSearchStatus(int Done, int Total, RecommenderTrial Last, RecommenderTrial Best)
{
    /// <summary>The best trial as one phrase: <c>ndcg_at_10 0.3120 (ease, trial 4)</c>.</summary>
    public string BestText => $"{Text(Best)} ({Best.Config.Model}, trial {Best.Trial.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The finished trial as one line: <c>trial 7 (puresvd): ndcg_at_10 0.2981</c>.</summary>
    public string LastText => $"trial {Last.Trial.ToString(CultureInfo.InvariantCulture)} ({Last.Config.Model}): {Text(Last)}";

    private static string Text(RecommenderTrial trial) =>
        $"{RecommenderTrainer.Metric} {(double.IsNaN(trial.Scores.Ndcg) ? "n/a" : trial.Scores.Ndcg.ToString("0.0000", CultureInfo.InvariantCulture))}";
}
