namespace Pipeline.Ml.Recommendation;

/// <summary>The baseline: every user gets the items most users interacted with. Also the cold-start answer.</summary>
internal sealed class PopularityScorer(double[] counts) : IItemScorer
{
    public const string Kind = "popularity";

    public string Name => Kind;

    /// <summary>The number of training users per item.</summary>
    public double[] Counts { get; } = counts;

    public static PopularityScorer Fit(InteractionMatrix matrix) => new([.. matrix.ItemUsers.Select(u => (double)u.Length)]);

    public void Score(int user, int[] items, double[] values, Span<double> scores) => Counts.CopyTo(scores);

    public void Write(BinaryWriter writer) => ModelBinary.WriteDoubles(writer, Counts);

    public static PopularityScorer Read(BinaryReader reader) => new(ModelBinary.ReadDoubles(reader));
}
