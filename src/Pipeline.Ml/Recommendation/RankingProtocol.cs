namespace Pipeline.Ml.Recommendation;

/// <summary>
/// How a recommender is judged on held-out interactions (README, "Recommendation"): for each test user, the candidates
/// are the catalogue (items seen in training) minus the user's training items; the relevant items are the user's test
/// items with rating ≥ <c>evaluate.relevant_at</c> (explicit ratings) or any test item (implicit), that are candidates;
/// test items outside the catalogue are cold start and counted, not relevant. Users the model does not know get the
/// popularity answer and are counted.
/// </summary>
internal static class RankingProtocol
{
    public static RankingRun Rank(RecommenderModel model, IReadOnlyList<Interaction> test, double relevantAt, bool explicitRatings, int k)
    {
        var users = new List<UserRanking>();
        var coldUsers = 0;
        var coldRows = 0;
        foreach (var group in test.GroupBy(x => x.User, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var u = model.UserIndex(group.Key);
            if (u < 0) coldUsers++;
            var relevant = new HashSet<string>(StringComparer.Ordinal);
            foreach (var x in group)
            {
                var i = model.ItemIndex(x.Item);
                if (i < 0)
                {
                    coldRows++;
                    continue;
                }

                if ((!explicitRatings || x.Rating >= relevantAt) && !model.HasSeen(u, i)) relevant.Add(x.Item);
            }

            if (relevant.Count == 0) continue;
            users.Add(new UserRanking(group.Key, [.. model.TopN(u, k).Select(p => model.Items[p.Item])], relevant));
        }

        return new RankingRun(users, coldUsers, coldRows);
    }

    /// <summary>The metrics at each k in <paramref name="ks"/> from one ranking at the largest.</summary>
    public static IReadOnlyList<RankingScores> Curve(RankingRun run, int catalogueSize, IEnumerable<int> ks) =>
        [.. ks.Select(k => RankingMetrics.Compute(run.Users, k, catalogueSize))];
}
