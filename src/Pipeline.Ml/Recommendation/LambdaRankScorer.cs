using System.Buffers;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The learning-to-rank re-ranker: the base model (<see cref="Base"/>) scores the catalogue, its best
/// <see cref="Candidates"/> items the user has not seen are scored again by a LambdaRank tree ensemble (LightGBM,
/// trained by <see cref="LambdaRankTrainer"/>) on <see cref="RankFeatures"/>, and go first in that order (ties: the base
/// order); every other item keeps the base order below them. Offered only when the table has side columns.
/// </summary>
internal sealed class LambdaRankScorer(IItemScorer baseScorer, RankFeatures features, int candidates, TreeEnsemble? trees) : IItemScorer
{
    public const string Kind = "lambdarank";

    // NOTE: a small step below each candidate by its base rank breaks the ensemble's ties (equal leaf sums) in base order.
    private const double TieStep = 1e-9;

    public string Name => Kind;

    /// <summary>The model whose candidates are re-ranked.</summary>
    public IItemScorer Base { get; } = baseScorer;

    /// <summary>How many of the base model's best unseen items are re-ranked.</summary>
    public int Candidates { get; } = candidates;

    public RankFeatures Features { get; } = features;

    /// <summary>The same base and features with a trained ensemble.</summary>
    public LambdaRankScorer With(TreeEnsemble trained) => new(Base, Features, Candidates, trained);

    /// <summary>The same base and ensemble on <paramref name="features"/> (an older model file's, read in today's terms).</summary>
    public LambdaRankScorer With(RankFeatures features) => new(Base, features, Candidates, trees);

    public void Score(int user, int[] items, double[] values, Span<double> scores)
    {
        Base.Score(user, items, values, scores);
        if (trees is null) return;
        var picked = Pick(items, scores);
        if (picked.Count == 0) return;
        var f = Features.Count;
        var rented = ArrayPool<float>.Shared.Rent(picked.Count * f);
        var rows = rented.AsSpan(0, picked.Count * f);
        try
        {
            Features.Compute(user, items, values, picked, rows);
            var lowest = double.PositiveInfinity;
            var ranked = new double[picked.Count];
            for (var n = 0; n < picked.Count; n++)
            {
                ranked[n] = trees.Evaluate(rows.Slice(n * f, f)) - (n * TieStep);
                lowest = Math.Min(lowest, ranked[n]);
            }

            // NOTE: every other item keeps its base order strictly below the last candidate.
            var highest = picked[0].Score;
            for (var i = 0; i < scores.Length; i++) scores[i] = lowest - 1 - (highest - Math.Min(highest, scores[i]));
            for (var n = 0; n < picked.Count; n++) scores[picked[n].Item] = ranked[n];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>The base model's best <see cref="Candidates"/> items outside <paramref name="seen"/>, best first, from its <paramref name="scores"/>.</summary>
    public List<(int Item, double Score)> Pick(int[] seen, ReadOnlySpan<double> scores)
    {
        var rented = ArrayPool<double>.Shared.Rent(scores.Length);
        try
        {
            var copy = rented.AsSpan(0, scores.Length);
            scores.CopyTo(copy);
            foreach (var i in seen) copy[i] = double.NaN;
            return TopK.Select(copy, Candidates);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    public void Write(BinaryWriter writer)
    {
        if (trees is null) throw new InvalidOperationException("The re-ranker is written after training.");
        writer.Write(Base.Name);
        Base.Write(writer);
        writer.Write(Candidates);
        Features.Write(writer);
        trees.Write(writer);
    }

    public static LambdaRankScorer Read(BinaryReader reader)
    {
        var kind = reader.ReadString();
        var inner = ScorerFile.Read(kind, reader) ?? throw new InvalidDataException($"The re-ranker's base model '{kind}' is unknown.");
        var candidates = reader.ReadInt32();
        var features = RankFeatures.Read(reader);
        return new LambdaRankScorer(inner, features, candidates, TreeEnsemble.Read(reader));
    }
}
