using Pipeline.Ml.Recommendation;

namespace Pipeline.Ml.Tests.Recommendation;

public sealed class RankingMetricsTests
{
    private static (IReadOnlyList<string> Ranked, IReadOnlySet<string> Relevant) User(string ranked, string relevant) =>
        (ranked.Split(' '), relevant.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Compute_OneUserTwoOfThreeRelevantInTopThree_MatchesHandComputedValues()
    {
        // Ranked a b c d, relevant {a, c, x} (x never recommended), k = 3.
        // DCG = 1/log2(2) + 1/log2(4) = 1 + 0.5 = 1.5; IDCG over min(3, 3) = 1 + 1/log2(3) + 0.5 = 2.130930; nDCG = 0.703918.
        // hit = 1; recall = 2/3; precision = 2/3; AP = (1/1 + 2/3) / min(3, 3) = 0.555556.
        // coverage: a b c of a catalogue of 10 = 0.3.
        var s = RankingMetrics.Compute([User("a b c d", "a c x")], k: 3, catalogueSize: 10);

        Assert.Equal(1, s.Users);
        Assert.Equal(1.5 / (1 + (1 / Math.Log2(3)) + 0.5), s.Ndcg, 12);
        Assert.Equal(0.703918, s.Ndcg, 6);
        Assert.Equal(1, s.HitRate);
        Assert.Equal(2.0 / 3, s.Recall, 12);
        Assert.Equal(2.0 / 3, s.Precision, 12);
        Assert.Equal(0.555556, s.Map, 6);
        Assert.Equal(0.3, s.Coverage, 12);
    }

    [Fact]
    public void Compute_TwoUsers_AveragesOverUsersWithRelevantItems()
    {
        // User 1: ranked p q, relevant {q}, k = 2: DCG = 1/log2(3) = 0.630930, IDCG over min(2, 1) = 1 → nDCG 0.630930;
        //         hit 1, recall 1, precision 1/2, AP = (1/2) / 1 = 0.5.
        // User 2: ranked r s, relevant {t}: all zero.
        // User 3: ranked p t, no relevant items: not averaged, but its items count for coverage.
        // Means over 2 users: nDCG 0.315465, hit 0.5, recall 0.5, precision 0.25, MAP 0.25; coverage {p q r s t} / 5 = 1.
        var s = RankingMetrics.Compute([User("p q", "q"), User("r s", "t"), User("p t", "")], k: 2, catalogueSize: 5);

        Assert.Equal(2, s.Users);
        Assert.Equal(0.315465, s.Ndcg, 6);
        Assert.Equal(0.5, s.HitRate);
        Assert.Equal(0.5, s.Recall);
        Assert.Equal(0.25, s.Precision);
        Assert.Equal(0.25, s.Map);
        Assert.Equal(1, s.Coverage);
    }

    [Fact]
    public void Compute_IdealDcgOverKWhenMoreRelevantThanK()
    {
        // Ranked a b, relevant {a b c d e}, k = 2: both hits, DCG = IDCG (over min(2, 5) = 2 terms) → nDCG 1;
        // recall 2/5, precision 1, AP = (1/1 + 2/2) / 2 = 1.
        var s = RankingMetrics.Compute([User("a b c", "a b c d e")], k: 2, catalogueSize: 5);

        Assert.Equal(1, s.Ndcg, 12);
        Assert.Equal(0.4, s.Recall, 12);
        Assert.Equal(1, s.Precision, 12);
        Assert.Equal(1, s.Map, 12);
    }

    [Fact]
    public void Ndcg_OfOneUser_IsTheComputeValue()
    {
        Assert.Equal(RankingMetrics.Compute([User("a b c d", "a c x")], 3, 10).Ndcg, RankingMetrics.Ndcg(["a", "b", "c", "d"], new HashSet<string> { "a", "c", "x" }, 3), 12);
    }
}
