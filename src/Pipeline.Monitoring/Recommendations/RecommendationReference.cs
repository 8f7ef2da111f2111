namespace Pipeline.Monitoring.Recommendations;

/// <summary>
/// What a recommender was trained on, as monitoring compares it with recent traffic: each user's and each item's number
/// of training interactions (the served model's, so the reference follows the version that answers).
/// </summary>
public sealed class RecommendationReference
{
    // NOTE: the reference distributions count one value per training interaction; beyond this many they are thinned
    // evenly (every n-th in a fixed order), which keeps their shape and the drift test's cost bounded.
    private const int MaxReferenceValues = 50_000;

    /// <summary>Creates the reference from per-user and per-item training interaction counts.</summary>
    public RecommendationReference(IReadOnlyDictionary<string, int> userInteractions, IReadOnlyDictionary<string, int> itemInteractions)
    {
        ArgumentNullException.ThrowIfNull(userInteractions);
        ArgumentNullException.ThrowIfNull(itemInteractions);
        UserActivity = userInteractions;
        var ranked = itemInteractions.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToArray();
        PopularityRank = ranked.Select((p, i) => KeyValuePair.Create(p.Key, i + 1)).ToDictionary(StringComparer.Ordinal);
        ReferenceUserActivity = Thin(userInteractions.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => Enumerable.Repeat((double)p.Value, p.Value)), userInteractions.Values.Sum());
        ReferencePopularityRanks = Thin(ranked.SelectMany((p, i) => Enumerable.Repeat((double)(i + 1), p.Value)), itemInteractions.Values.Sum());
    }

    /// <summary>Training interactions per user (a user not in it is a cold-start user: 0).</summary>
    internal IReadOnlyDictionary<string, int> UserActivity { get; }

    /// <summary>Each item's popularity rank in training: 1 the most interacted with, ties by item id.</summary>
    internal IReadOnlyDictionary<string, int> PopularityRank { get; }

    /// <summary>An item outside the training catalogue ranks after every item in it.</summary>
    internal int UnknownItemRank => PopularityRank.Count + 1;

    /// <summary>The activity of the user of each training interaction.</summary>
    internal IReadOnlyList<double?> ReferenceUserActivity { get; }

    /// <summary>The popularity rank of the item of each training interaction.</summary>
    internal IReadOnlyList<double?> ReferencePopularityRanks { get; }

    private static double?[] Thin(IEnumerable<double> values, int count)
    {
        var step = Math.Max(1, (int)Math.Ceiling(count / (double)MaxReferenceValues));
        return values.Where((_, i) => i % step == 0).Select(v => (double?)v).ToArray();
    }
}
