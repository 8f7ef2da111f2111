namespace Pipeline.Ml.Recommendation;

/// <summary>
/// Item-based nearest neighbours: cosine similarity between items' user sets, |U(i) ∩ U(j)| / (√(|U(i)| |U(j)|) + shrink),
/// keeping each item's <c>neighbours</c> most similar items; a user's score for item i is the sum of the similarities of
/// i to the user's training items that list it as a neighbour.
/// </summary>
internal sealed class ItemKnnScorer(int[][] neighbours, double[][] similarities) : IItemScorer
{
    public const string Kind = "itemknn";

    public string Name => Kind;

    public static ItemKnnScorer Fit(InteractionMatrix matrix, int neighbours, double shrink, CancellationToken cancellation = default)
    {
        var m = matrix.Items.Length;
        var ids = new int[m][];
        var sims = new double[m][];
        var counts = new double[m];
        var touched = new List<int>();
        for (var i = 0; i < m; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var u in matrix.ItemUsers[i])
            {
                foreach (var j in matrix.UserItems[u])
                {
                    if (j == i) continue;
                    if (counts[j] == 0) touched.Add(j);
                    counts[j]++;
                }
            }

            var ni = matrix.ItemUsers[i].Length;
            var best = touched
                .Select(j => (Item: j, Sim: counts[j] / (Math.Sqrt((double)ni * matrix.ItemUsers[j].Length) + shrink)))
                .OrderByDescending(p => p.Sim).ThenBy(p => p.Item)
                .Take(neighbours)
                .ToArray();
            ids[i] = [.. best.Select(p => p.Item)];
            sims[i] = [.. best.Select(p => p.Sim)];
            foreach (var j in touched) counts[j] = 0;
            touched.Clear();
        }

        return new ItemKnnScorer(ids, sims);
    }

    public void Score(int user, int[] items, double[] values, Span<double> scores)
    {
        scores.Clear();
        foreach (var j in items)
        {
            var ids = neighbours[j];
            var sims = similarities[j];
            for (var n = 0; n < ids.Length; n++) scores[ids[n]] += sims[n];
        }
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(neighbours.Length);
        for (var i = 0; i < neighbours.Length; i++)
        {
            ModelBinary.WriteInts(writer, neighbours[i]);
            ModelBinary.WriteDoubles(writer, similarities[i]);
        }
    }

    public static ItemKnnScorer Read(BinaryReader reader)
    {
        var m = reader.ReadInt32();
        var ids = new int[m][];
        var sims = new double[m][];
        for (var i = 0; i < m; i++)
        {
            ids[i] = ModelBinary.ReadInts(reader);
            sims[i] = ModelBinary.ReadDoubles(reader);
        }

        return new ItemKnnScorer(ids, sims);
    }
}
