using Pipeline.Monitoring.Performance;

namespace Pipeline.Monitoring.Recommendations;

/// <summary>
/// The closed loop of a recommender over one window: how many recommendations were served and fed back, and the online
/// hit rate (share of recommendations with at least one positive click or rating among the items returned).
/// </summary>
internal sealed record RecommendationSection
{
    /// <summary>The cut-offs of <see cref="HitRateAt"/>.</summary>
    public static readonly int[] Cutoffs = [1, 5, 10];

    /// <summary>Recommendation requests in the window.</summary>
    public required int Requests { get; init; }

    /// <summary>Of those, answered with the cold-start (popularity) list.</summary>
    public required int ColdStart { get; init; }

    /// <summary>Requests with any item feedback.</summary>
    public required int RequestsWithFeedback { get; init; }

    /// <summary>Item feedback rows (clicks and ratings) on the window's requests.</summary>
    public required int FeedbackItems { get; init; }

    /// <summary>Of those, positive (label at least <see cref="RelevantAt"/>).</summary>
    public required int PositiveItems { get; init; }

    /// <summary>monitor.recommend.relevant_at.</summary>
    public required double RelevantAt { get; init; }

    /// <summary>monitor.recommend.min_hit_rate.</summary>
    public required double MinHitRate { get; init; }

    /// <summary>Share of requests with a positive item among those returned; null when too little feedback to measure.</summary>
    public double? HitRate { get; init; }

    /// <summary>95% interval of <see cref="HitRate"/>.</summary>
    public WilsonInterval? HitRateInterval { get; init; }

    /// <summary>Share of requests with a positive item among the first k returned, for each of <see cref="Cutoffs"/>.</summary>
    public IReadOnlyList<(int K, double Rate)> HitRateAt { get; init; } = [];

    /// <summary>Mean NDCG@10 of the positive items' positions (binary gains) over the requests that had one.</summary>
    public double? NdcgAt10 { get; init; }

    /// <summary>True when the hit rate was measured and lies below <see cref="MinHitRate"/>.</summary>
    public bool BelowThreshold => HitRate < MinHitRate;
}
