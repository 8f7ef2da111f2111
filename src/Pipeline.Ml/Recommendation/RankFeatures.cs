using System.Buffers;
using System.Globalization;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The features the learning-to-rank re-ranker (<see cref="LambdaRankScorer"/>) sees for one (user, candidate item):
/// the base model's score, its rank among the candidates and its gap to the first, the item's popularity and mean
/// rating, the user's activity and mean rating, and from the side columns (<see cref="SideColumns"/>): each numeric
/// item column's value and its distance from the mean over the user's training items; for each item column of at most
/// <see cref="MaxTokens"/> distinct values (a <c>|</c>-separated list counts each value: genres) the largest share of
/// the user's training items that hold one of the candidate's values; each numeric user column's value; for each user
/// column of at most <see cref="MaxTokens"/> values, the share of the item's training users that hold the user's.
/// Indexed by one <see cref="InteractionMatrix"/>'s users and items. Missing values read as 0.
/// </summary>
internal sealed class RankFeatures
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
    /// The features of <paramref name="table"/>'s side columns indexed by <paramref name="matrix"/>, or null when the
    /// table has no usable side column (no user or item column that is numeric or has few distinct values): then the
    /// re-ranker is not offered.
    /// </summary>
    public static RankFeatures? Build(InteractionTable table, RecommendationColumns columns, InteractionMatrix matrix)
    {
        var items = SideColumns.Constant(table, columns, perUser: false);
        var users = SideColumns.Constant(table, columns, perUser: true);
        var itemNumeric = items.Where(c => IsNumeric(c.Values.Values)).Select(c => Numbers(matrix.Items, c.Values)).ToArray();
        var itemTokenColumns = items.Select(c => Tokens(matrix.Items, c.Values)).Where(t => t is not null).Select(t => t!.Value).ToArray();
        var userNumeric = users.Where(c => IsNumeric(c.Values.Values)).Select(c => Numbers(matrix.Users, c.Values)).ToArray();
        var userTokenColumns = users.Select(c => Tokens(matrix.Users, c.Values)).Where(t => t is not null).Select(t => t!.Value).ToArray();
        if (itemNumeric.Length + itemTokenColumns.Length + userNumeric.Length + userTokenColumns.Length == 0) return null;
        var userTokens = userTokenColumns.Select(c => c.ByKey.Select(t => t.Length == 0 ? -1 : t[0]).ToArray()).ToArray();
        var shares = new float[userTokens.Length][];
        for (var c = 0; c < userTokens.Length; c++)
        {
            var count = userTokenColumns[c].Count;
            shares[c] = new float[matrix.Items.Length * count];
            for (var i = 0; i < matrix.Items.Length; i++)
            {
                var raters = matrix.ItemUsers[i];
                foreach (var u in raters)
                {
                    if (userTokens[c][u] >= 0) shares[c][(i * count) + userTokens[c][u]] += 1f / raters.Length;
                }
            }
        }

        return new RankFeatures(
            [.. matrix.ItemUsers.Select(u => (float)Math.Log(1 + u.Length))],
            [.. matrix.ItemValues.Select(v => v.Length == 0 ? 0f : (float)v.Average())],
            itemNumeric,
            [.. itemTokenColumns.Select(c => c.ByKey)],
            [.. itemTokenColumns.Select(c => c.Count)],
            userNumeric,
            userTokens,
            [.. userTokenColumns.Select(c => c.Count)],
            shares);
    }

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
                if (column[i] != 0) (sum, count) = (sum + column[i], count + 1);
            }

            var mean = count == 0 ? 0f : (float)(sum / count);
            for (var n = 0; n < candidates.Count; n++)
            {
                var value = column[candidates[n].Item];
                rows[(n * f) + at] = value;
                rows[(n * f) + at + 1] = value == 0 || count == 0 ? 0f : Math.Abs(value - mean);
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
            for (var n = 0; n < candidates.Count; n++) rows[(n * f) + at] = column[user];
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

    public void Write(BinaryWriter writer)
    {
        ModelBinary.WriteFloats(writer, itemPopularity);
        ModelBinary.WriteFloats(writer, itemMean);
        writer.Write(itemNumeric.Length);
        foreach (var c in itemNumeric) ModelBinary.WriteFloats(writer, c);
        writer.Write(itemTokens.Length);
        for (var c = 0; c < itemTokens.Length; c++)
        {
            writer.Write(itemTokenCounts[c]);
            writer.Write(itemTokens[c].Length);
            foreach (var t in itemTokens[c]) ModelBinary.WriteInts(writer, t);
        }

        writer.Write(userNumeric.Length);
        foreach (var c in userNumeric) ModelBinary.WriteFloats(writer, c);
        writer.Write(userTokens.Length);
        for (var c = 0; c < userTokens.Length; c++)
        {
            writer.Write(userTokenCounts[c]);
            ModelBinary.WriteInts(writer, userTokens[c]);
            ModelBinary.WriteFloats(writer, itemShareOfUserToken[c]);
        }
    }

    public static RankFeatures Read(BinaryReader reader)
    {
        var popularity = ModelBinary.ReadFloats(reader);
        var mean = ModelBinary.ReadFloats(reader);
        var itemNumeric = Repeat(reader, () => ModelBinary.ReadFloats(reader));
        var itemTokenCounts = new List<int>();
        var itemTokens = Repeat(reader, () =>
        {
            itemTokenCounts.Add(reader.ReadInt32());
            return Repeat(reader, () => ModelBinary.ReadInts(reader));
        });
        var userNumeric = Repeat(reader, () => ModelBinary.ReadFloats(reader));
        var userTokenCounts = new List<int>();
        var shares = new List<float[]>();
        var userTokens = Repeat(reader, () =>
        {
            userTokenCounts.Add(reader.ReadInt32());
            var tokens = ModelBinary.ReadInts(reader);
            shares.Add(ModelBinary.ReadFloats(reader));
            return tokens;
        });
        return new RankFeatures(popularity, mean, itemNumeric, itemTokens, [.. itemTokenCounts], userNumeric, userTokens, [.. userTokenCounts], [.. shares]);
    }

    private static T[] Repeat<T>(BinaryReader reader, Func<T> read)
    {
        var result = new T[reader.ReadInt32()];
        for (var i = 0; i < result.Length; i++) result[i] = read();
        return result;
    }

    private static bool IsNumeric(IEnumerable<string> values)
    {
        var any = false;
        foreach (var v in values)
        {
            if (v.Length == 0) continue;
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d)) return false;
            any = true;
        }

        return any;
    }

    private static float[] Numbers(string[] keys, Dictionary<string, string> values) =>
        [.. keys.Select(k => values.TryGetValue(k, out var v) && v.Length > 0 ? (float)double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : 0f)];

    /// <summary>Each key's value ids (a <c>|</c>-separated value is a list), ids in ordinal order of the values; null when there are more than <see cref="MaxTokens"/>.</summary>
    private static (int[][] ByKey, int Count)? Tokens(string[] keys, Dictionary<string, string> values)
    {
        static string[] Split(string? v) => v is null ? [] : v.Split('|', StringSplitOptions.RemoveEmptyEntries);
        var distinct = keys.SelectMany(k => Split(values.GetValueOrDefault(k))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Length is 0 or > MaxTokens) return null;
        var index = InteractionMatrix.Index(distinct);
        return ([.. keys.Select(k => Split(values.GetValueOrDefault(k)).Select(t => index[t]).Distinct().Order().ToArray())], distinct.Length);
    }
}
