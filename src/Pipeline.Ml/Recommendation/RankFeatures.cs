using System.Buffers;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The features the learning-to-rank re-ranker (<see cref="LambdaRankScorer"/>) sees for one (user, candidate item):
/// the base model's score, its rank among the candidates and its gap to the first, the item's popularity and mean
/// rating, the user's activity and mean rating, and from the side columns (<see cref="SideColumns"/>): each numeric
/// item column's value and its distance from the mean over the user's training items; for each item column of at most
/// <see cref="MaxTokens"/> distinct values (a <c>|</c>-separated list counts each value: genres) the largest share of
/// the user's training items that hold one of the candidate's values; each numeric user column's value; for each user
/// column of at most <see cref="MaxTokens"/> values, the share of the item's training users that hold the user's (a
/// listed user value counts its first entry only). Indexed by one <see cref="InteractionMatrix"/>'s users and items.
/// A missing side value is NaN inside and reads as 0 in the features; a numeric 0 is a value (a price, a flag), so it
/// counts in the user's mean while a missing one does not. Built in RankFeatures.Build.cs, stored by RankFeatures.File.cs.
/// </summary>
internal sealed partial class RankFeatures
{
    /// <summary>The most distinct values a side column may have to be used as categories.</summary>
    public const int MaxTokens = 64;

    private const int BaseCount = 7;

    private readonly float[] itemPopularity;
    private readonly float[] itemMean;
    private readonly float[][] itemNumeric;
    private readonly int[][][] itemTokens;
    private readonly int[] itemTokenCounts;
    private readonly float[][] userNumeric;
    private readonly int[][] userTokens;
    private readonly int[] userTokenCounts;
    private readonly float[][] itemShareOfUserToken;

    private RankFeatures(float[] itemPopularity, float[] itemMean, float[][] itemNumeric, int[][][] itemTokens, int[] itemTokenCounts, float[][] userNumeric, int[][] userTokens, int[] userTokenCounts, float[][] itemShareOfUserToken)
    {
        this.itemPopularity = itemPopularity;
        this.itemMean = itemMean;
        this.itemNumeric = itemNumeric;
        this.itemTokens = itemTokens;
        this.itemTokenCounts = itemTokenCounts;
        this.userNumeric = userNumeric;
        this.userTokens = userTokens;
        this.userTokenCounts = userTokenCounts;
        this.itemShareOfUserToken = itemShareOfUserToken;
    }

    /// <summary>The number of features per candidate.</summary>
    public int Count => BaseCount + (2 * itemNumeric.Length) + itemTokens.Length + userNumeric.Length + userTokens.Length;

    /// <summary>
    /// Writes the features of each of <paramref name="candidates"/> (catalogue index and base score, best first) for
    /// <paramref name="user"/>, whose training items and ratings are <paramref name="seen"/> and <paramref name="values"/>,
    /// into <paramref name="rows"/> (candidate-major, <see cref="Count"/> per candidate).
    /// </summary>
    public void Compute(int user, int[] seen, double[] values, IReadOnlyList<(int Item, double Score)> candidates, Span<float> rows)
    {
        var f = Count;
        var activity = (float)Math.Log(1 + seen.Length);
        var userMean = values.Length == 0 ? 0f : (float)values.Average();
        var top = candidates.Count == 0 ? 0 : candidates[0].Score;
        for (var n = 0; n < candidates.Count; n++)
        {
            var (item, score) = candidates[n];
            var row = rows.Slice(n * f, f);
            row[0] = (float)score;
            row[1] = n;
            row[2] = (float)(top - score);
            row[3] = itemPopularity[item];
            row[4] = itemMean[item];
            row[5] = activity;
            row[6] = userMean;
        }

        var at = BaseCount;
        foreach (var column in itemNumeric)
        {
            var (sum, count) = (0.0, 0);
            foreach (var i in seen)
            {
                if (!float.IsNaN(column[i])) (sum, count) = (sum + column[i], count + 1);
            }

            var mean = count == 0 ? 0f : (float)(sum / count);
            for (var n = 0; n < candidates.Count; n++)
            {
                var value = column[candidates[n].Item];
                rows[(n * f) + at] = float.IsNaN(value) ? 0f : value;
                rows[(n * f) + at + 1] = float.IsNaN(value) || count == 0 ? 0f : Math.Abs(value - mean);
            }

            at += 2;
        }

        for (var c = 0; c < itemTokens.Length; c++, at++)
        {
            var rented = ArrayPool<int>.Shared.Rent(itemTokenCounts[c]);
            var counts = rented.AsSpan(0, itemTokenCounts[c]);
            counts.Clear();
            foreach (var i in seen)
            {
                foreach (var t in itemTokens[c][i]) counts[t]++;
            }

            for (var n = 0; n < candidates.Count; n++)
            {
                var best = 0;
                foreach (var t in itemTokens[c][candidates[n].Item]) best = Math.Max(best, counts[t]);
                rows[(n * f) + at] = seen.Length == 0 ? 0f : (float)best / seen.Length;
            }

            ArrayPool<int>.Shared.Return(rented);
        }

        foreach (var column in userNumeric)
        {
            var value = float.IsNaN(column[user]) ? 0f : column[user];
            for (var n = 0; n < candidates.Count; n++) rows[(n * f) + at] = value;
            at++;
        }

        for (var c = 0; c < userTokens.Length; c++, at++)
        {
            var token = userTokens[c][user];
            for (var n = 0; n < candidates.Count; n++)
            {
                rows[(n * f) + at] = token < 0 ? 0f : itemShareOfUserToken[c][(candidates[n].Item * userTokenCounts[c]) + token];
            }
        }
    }

    /// <summary>
    /// These features with every numeric 0 read as missing: how a model file of recommender format 1 or 2 stored a
    /// missing value, so such a model keeps computing the features it was trained on.
    /// </summary>
    public RankFeatures ZerosAsMissing()
    {
        static float[][] Convert(float[][] columns) => [.. columns.Select(c => c.Select(v => v == 0 ? float.NaN : v).ToArray())];
        return new RankFeatures(itemPopularity, itemMean, Convert(itemNumeric), itemTokens, itemTokenCounts, Convert(userNumeric), userTokens, userTokenCounts, itemShareOfUserToken);
    }
}
