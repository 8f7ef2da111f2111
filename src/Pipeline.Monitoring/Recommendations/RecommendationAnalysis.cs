using System.Globalization;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Logs;
using Pipeline.Monitoring.Performance;
using Pipeline.Monitoring.Reports;

namespace Pipeline.Monitoring.Recommendations;

/// <summary>
/// The recommendation window's closed loop: online hit rate from clicks and ratings on the returned items, and the
/// activity distributions (user activity, item popularity rank) of recent traffic against the training interactions.
/// </summary>
internal static class RecommendationAnalysis
{
    /// <summary>Drift column: the training interaction count of each request's user (0 for a cold-start user).</summary>
    public const string UserActivity = "user_activity";

    /// <summary>Drift column: the training popularity rank of each item fed back on (1 = most popular).</summary>
    public const string ItemPopularityRank = "item_popularity_rank";

    /// <summary>The section for <paramref name="window"/>'s recommendations and their item feedback.</summary>
    public static RecommendationSection Compute(PredictionWindow window, IReadOnlyDictionary<string, IReadOnlyList<(string Item, string Label)>> feedback, MonitoringOptions options)
    {
        var requests = window.Predictions.Where(p => p.RecommendedItems is not null).ToArray();
        var positions = requests.Select(r => Positives(r, feedback, options.RecommendRelevantAt)).ToArray();
        var fed = requests.Where(r => feedback.ContainsKey(r.RequestId)).ToArray();
        var items = fed.Sum(r => feedback[r.RequestId].Count);
        var section = new RecommendationSection
        {
            Requests = requests.Length,
            ColdStart = requests.Count(r => r.ColdStart == true),
            RequestsWithFeedback = fed.Length,
            FeedbackItems = items,
            PositiveItems = positions.Sum(p => p.Count),
            RelevantAt = options.RecommendRelevantAt,
            MinHitRate = options.RecommendMinHitRate,
        };
        if (requests.Length == 0 || items < options.MinimumLabels) return section;
        var hits = positions.Count(p => p.Count > 0);
        var hitNdcg = positions.Where(p => p.Count > 0).Select(Ndcg10).ToArray();
        return section with
        {
            HitRate = hits / (double)requests.Length,
            HitRateInterval = WilsonInterval.Of(hits, requests.Length),
            HitRateAt = [.. RecommendationSection.Cutoffs.Select(k => (k, positions.Count(p => p.Count > 0 && p[0] < k) / (double)requests.Length))],
            NdcgAt10 = hitNdcg.Length == 0 ? null : hitNdcg.Average(),
        };
    }

    /// <summary>One sentence about the hit rate, or about why it was not measured.</summary>
    public static string Finding(RecommendationSection s, MonitoringOptions options) => s.HitRate is not { } rate
        ? Text($"Only {s.FeedbackItems} clicks/ratings on {s.Requests} recommendations (monitor.min_labels = {options.MinimumLabels}); the online hit rate is not measured.")
        : s.BelowThreshold
            ? Text($"Online hit rate {rate:0.####} (95% CI {s.HitRateInterval!.Value.Lower:0.####}-{s.HitRateInterval!.Value.Upper:0.####}) over {s.Requests} recommendations is below monitor.recommend.min_hit_rate {s.MinHitRate:0.####}.")
            : Text($"Online hit rate {rate:0.####} over {s.Requests} recommendations (monitor.recommend.min_hit_rate {s.MinHitRate:0.####}).");

    /// <summary>
    /// Reference (training interactions) and current (the window's requests and fed-back items) activity datasets:
    /// <see cref="UserActivity"/> and <see cref="ItemPopularityRank"/>.
    /// </summary>
    public static (DriftDataset Reference, DriftDataset Current) ActivityDatasets(PredictionWindow window, IReadOnlyDictionary<string, IReadOnlyList<(string Item, string Label)>> feedback, RecommendationReference reference)
    {
        var requests = window.Predictions.Where(p => p.RecommendedItems is not null).ToArray();
        var users = requests.Select(r => (double?)(r.Features.TryGetValue("user_id", out var u) ? reference.UserActivity.GetValueOrDefault(u.ToString(), 0) : 0)).ToArray();
        var ranks = requests.Where(r => feedback.ContainsKey(r.RequestId)).SelectMany(r => feedback[r.RequestId])
            .Select(f => (double?)reference.PopularityRank.GetValueOrDefault(f.Item, reference.UnknownItemRank)).ToArray();
        return (
            new DriftDataset([DatasetColumn.Numeric(UserActivity, reference.ReferenceUserActivity), DatasetColumn.Numeric(ItemPopularityRank, reference.ReferencePopularityRanks)]),
            new DriftDataset([DatasetColumn.Numeric(UserActivity, users), DatasetColumn.Numeric(ItemPopularityRank, ranks)]));
    }

    /// <summary>The 0-based positions, ascending, of the returned items fed back with a positive label.</summary>
    private static List<int> Positives(LoggedPrediction request, IReadOnlyDictionary<string, IReadOnlyList<(string Item, string Label)>> feedback, double relevantAt)
    {
        if (!feedback.TryGetValue(request.RequestId, out var labels)) return [];
        var positive = labels.Where(l => double.TryParse(l.Label, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= relevantAt)
            .Select(l => l.Item).ToHashSet(StringComparer.Ordinal);
        return [.. request.RecommendedItems!.Select((item, i) => (item, i)).Where(p => positive.Contains(p.item)).Select(p => p.i)];
    }

    /// <summary>NDCG@10 with binary gains; the ideal ranks min(|positives|, 10) positives first.</summary>
    private static double Ndcg10(List<int> positions)
    {
        var dcg = positions.Where(p => p < 10).Sum(p => 1 / Math.Log2(p + 2));
        var ideal = Enumerable.Range(0, Math.Min(positions.Count, 10)).Sum(p => 1 / Math.Log2(p + 2));
        return dcg / ideal;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
