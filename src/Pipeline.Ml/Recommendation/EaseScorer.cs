using MathNet.Numerics.LinearAlgebra;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): an item × item weight matrix B with a zero diagonal that
/// best reconstructs the binary user × item matrix X under L2 regularisation <c>lambda</c>, in closed form:
/// P = (XᵀX + λI)⁻¹ (MathNet's Cholesky), B = I − P·diag(1/diag(P)). A user's scores are the sums of B's rows over their
/// training items. B is dense (items²), so the search tries it only for catalogues of at most <see cref="MaxItems"/>
/// items. Deterministic: same data, same bytes.
/// </summary>
internal sealed class EaseScorer(int itemCount, double[] weights) : IItemScorer
{
    public const string Kind = "ease";

    /// <summary>The largest catalogue EASE is fitted for (its matrix is items² doubles: 2,500 items are 50 MB).</summary>
    public const int MaxItems = 2500;

    public string Name => Kind;

    public static EaseScorer Fit(InteractionMatrix matrix, double lambda, CancellationToken cancellation = default)
    {
        var n = matrix.Items.Length;
        var gram = new double[n * n];
        foreach (var row in matrix.UserItems)
        {
            foreach (var a in row)
            {
                foreach (var b in row) gram[(a * n) + b] += 1;
            }
        }

        for (var i = 0; i < n; i++) gram[(i * n) + i] += lambda;
        cancellation.ThrowIfCancellationRequested();
        var p = Matrix<double>.Build.DenseOfColumnMajor(n, n, gram).Cholesky().Solve(Matrix<double>.Build.DenseIdentity(n));
        var weights = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) weights[(i * n) + j] = i == j ? 0 : -p[i, j] / p[j, j];
        }

        return new EaseScorer(n, weights);
    }

    public void Score(int user, int[] items, double[] values, Span<double> scores)
    {
        scores.Clear();
        foreach (var i in items) ScoreVectors.Add(weights.AsSpan(i * itemCount, itemCount), scores);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(itemCount);
        ModelBinary.WriteDoubles(writer, weights);
    }

    public static EaseScorer Read(BinaryReader reader)
    {
        var items = reader.ReadInt32();
        return new EaseScorer(items, ModelBinary.ReadDoubles(reader));
    }
}
