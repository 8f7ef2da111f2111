namespace Pipeline.Ml.Recommendation;

/// <summary>
/// Training interactions indexed for the models: users and items in ordinal order, each user's items (sorted, one
/// entry per item: a repeated interaction keeps its highest rating) and the transpose, each item's users.
/// </summary>
internal sealed class InteractionMatrix
{
    private InteractionMatrix(string[] users, string[] items, int[][] userItems, double[][] userValues)
    {
        Users = users;
        Items = items;
        UserItems = userItems;
        UserValues = userValues;
        var itemUsers = items.Select(_ => new List<(int User, double Value)>()).ToArray();
        for (var u = 0; u < users.Length; u++)
        {
            for (var n = 0; n < userItems[u].Length; n++) itemUsers[userItems[u][n]].Add((u, userValues[u][n]));
        }

        ItemUsers = [.. itemUsers.Select(l => l.Select(p => p.User).ToArray())];
        ItemValues = [.. itemUsers.Select(l => l.Select(p => p.Value).ToArray())];
    }

    public string[] Users { get; }

    public string[] Items { get; }

    public int[][] UserItems { get; }

    public double[][] UserValues { get; }

    public int[][] ItemUsers { get; }

    public double[][] ItemValues { get; }

    public static InteractionMatrix Build(IEnumerable<Interaction> interactions)
    {
        var best = new Dictionary<(string User, string Item), double>();
        foreach (var x in interactions)
        {
            best[(x.User, x.Item)] = best.TryGetValue((x.User, x.Item), out var v) ? Math.Max(v, x.Rating) : x.Rating;
        }

        var users = best.Keys.Select(k => k.User).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var items = best.Keys.Select(k => k.Item).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var itemIndex = Index(items);
        var byUser = best.GroupBy(p => p.Key.User, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => (Item: itemIndex[p.Key.Item], p.Value)).OrderBy(p => p.Item).ToArray(), StringComparer.Ordinal);
        return new InteractionMatrix(
            users,
            items,
            [.. users.Select(u => byUser[u].Select(p => p.Item).ToArray())],
            [.. users.Select(u => byUser[u].Select(p => p.Value).ToArray())]);
    }

    public static Dictionary<string, int> Index(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++) index[names[i]] = i;
        return index;
    }
}
