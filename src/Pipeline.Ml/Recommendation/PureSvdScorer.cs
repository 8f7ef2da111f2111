using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// PureSVD (Cremonesi, Koren and Turrin 2010): the user × item matrix R of training ratings, missing cells as 0, is
/// approximated by its top <c>factors</c> singular directions; a user's scores are r_u · V · Vᵀ, where V (items ×
/// factors) holds the top right singular vectors. V is found by seeded randomized subspace iteration on RᵀR (Halko,
/// Martinsson and Tropp 2011: sparse products only, MathNet's QR and symmetric eigendecomposition on the small
/// projected matrix), so the fit costs O(interactions × factors) per pass, not a dense SVD. Same data and seed, same bytes.
/// </summary>
internal sealed class PureSvdScorer(int factors, double[] itemFactors) : IItemScorer
{
    public const string Kind = "puresvd";

    // NOTE: V as factors × items, so a user's scores are one multiply-add over the catalogue per factor (SIMD lanes)
    // instead of a short dot product per item.
    private readonly double[] byFactor = ScoreVectors.ByFactor(itemFactors, factors);

    private const int Oversampling = 10;
    private const int PowerIterations = 4;

    public string Name => Kind;

    public int Factors { get; } = factors;

    public static PureSvdScorer Fit(InteractionMatrix matrix, int factors, int seed, CancellationToken cancellation = default)
    {
        var n = matrix.Items.Length;
        var f = Math.Min(factors, n);
        var l = Math.Min(n, f + Oversampling);
        var random = new Random(seed);
        var y = new double[n * l];
        for (var i = 0; i < y.Length; i++) y[i] = random.NextDouble() - 0.5;
        y = Gram(matrix, y, l);
        for (var q = 0; q < PowerIterations; q++)
        {
            cancellation.ThrowIfCancellationRequested();
            y = Gram(matrix, Orthonormal(y, n, l), l);
        }

        var basis = Orthonormal(y, n, l);
        var projected = Project(matrix, basis, l);
        var evd = Matrix<double>.Build.DenseOfRowMajor(l, l, projected).Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, l).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).Take(f).ToArray();
        var v = new double[n * f];
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < f; a++)
            {
                double s = 0;
                for (var b = 0; b < l; b++) s += basis[(i * l) + b] * evd.EigenVectors[b, order[a]];
                v[(i * f) + a] = s;
            }
        }

        return new PureSvdScorer(f, v);
    }

    /// <summary>RᵀR·X for X (items × l, row-major), through R·X (users × l): two sparse passes.</summary>
    private static double[] Gram(InteractionMatrix matrix, double[] x, int l)
    {
        var result = new double[x.Length];
        var row = new double[l];
        for (var u = 0; u < matrix.Users.Length; u++)
        {
            Array.Clear(row);
            var items = matrix.UserItems[u];
            var values = matrix.UserValues[u];
            for (var k = 0; k < items.Length; k++)
            {
                for (var b = 0; b < l; b++) row[b] += values[k] * x[(items[k] * l) + b];
            }

            for (var k = 0; k < items.Length; k++)
            {
                for (var b = 0; b < l; b++) result[(items[k] * l) + b] += values[k] * row[b];
            }
        }

        return result;
    }

    /// <summary>Qᵀ·RᵀR·Q (l × l, row-major) for an orthonormal Q (items × l).</summary>
    private static double[] Project(InteractionMatrix matrix, double[] q, int l)
    {
        var gram = Gram(matrix, q, l);
        var n = q.Length / l;
        var result = new double[l * l];
        for (var i = 0; i < n; i++)
        {
            for (var a = 0; a < l; a++)
            {
                var qa = q[(i * l) + a];
                for (var b = 0; b < l; b++) result[(a * l) + b] += qa * gram[(i * l) + b];
            }
        }

        return result;
    }

    private static double[] Orthonormal(double[] x, int n, int l) =>
        Matrix<double>.Build.DenseOfRowMajor(n, l, x).QR(QRMethod.Thin).Q.ToRowMajorArray();

    public void Score(int user, int[] items, double[] values, Span<double> scores)
    {
        var f = Factors;
        Span<double> p = stackalloc double[f];
        for (var k = 0; k < items.Length; k++)
        {
            for (var a = 0; a < f; a++) p[a] += values[k] * itemFactors[(items[k] * f) + a];
        }

        scores.Clear();
        var n = scores.Length;
        for (var a = 0; a < f; a++) ScoreVectors.MultiplyAdd(p[a], byFactor.AsSpan(a * n, n), scores);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Factors);
        ModelBinary.WriteDoubles(writer, itemFactors);
    }

    public static PureSvdScorer Read(BinaryReader reader)
    {
        var factors = reader.ReadInt32();
        return new PureSvdScorer(factors, ModelBinary.ReadDoubles(reader));
    }
}
