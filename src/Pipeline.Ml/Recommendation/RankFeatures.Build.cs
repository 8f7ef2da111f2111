using System.Globalization;

namespace Pipeline.Ml.Recommendation;

/// <summary>Building <see cref="RankFeatures"/> from a table's side columns.</summary>
internal sealed partial class RankFeatures
{
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

    private static bool IsNumeric(IEnumerable<string> values)
    {
        var any = false;
        foreach (var v in values)
        {
            if (v.Length == 0) continue;
            // NOTE: the features are floats: a value beyond float's range would be an infinite feature.
            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !float.IsFinite((float)d)) return false;
            any = true;
        }

        return any;
    }

    /// <summary>Each key's number; NaN where it has none.</summary>
    private static float[] Numbers(string[] keys, Dictionary<string, string> values) =>
        [.. keys.Select(k => values.TryGetValue(k, out var v) && v.Length > 0 ? (float)double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : float.NaN)];

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
