using MathNet.Numerics.LinearAlgebra;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// Implicit-feedback ALS (Hu, Koren and Volinsky 2008), a latent-factor model fitted for ranking rather than rating
/// error: every (user, item) cell has preference 1 if the user interacted and 0 otherwise, with confidence
/// 1 + alpha × rating on the interactions; users' and items' factors are solved in turn by regularised least squares
/// (MathNet's Cholesky). Score = user factors · item factors. Seeded initialisation: same data and seed, same bytes.
/// </summary>
internal sealed class AlsScorer(int factors, double[] userFactors, double[] itemFactors) : IItemScorer
{
    public const string Kind = "als";

    // NOTE: item factors as factors × items: a user's scores are one SIMD multiply-add over the catalogue per factor.
    private readonly double[] byFactor = ScoreVectors.ByFactor(itemFactors, factors);

    public string Name => Kind;

    public int Factors { get; } = factors;

    public static AlsScorer Fit(InteractionMatrix matrix, int factors, double regularization, double alpha, int iterations, int seed, CancellationToken cancellation = default)
    {
        var random = new Random(seed);
        var users = new double[matrix.Users.Length * factors];
        var items = new double[matrix.Items.Length * factors];
        for (var i = 0; i < items.Length; i++) items[i] = (random.NextDouble() - 0.5) * 0.1;
        for (var it = 0; it < iterations; it++)
        {
            cancellation.ThrowIfCancellationRequested();
            Solve(matrix.UserItems, matrix.UserValues, items, users, factors, regularization, alpha);
            Solve(matrix.ItemUsers, matrix.ItemValues, users, items, factors, regularization, alpha);
        }

        return new AlsScorer(factors, users, items);
    }

    /// <summary>Solves every row of <paramref name="target"/> with <paramref name="fixedFactors"/> held.</summary>
    private static void Solve(int[][] rows, double[][] values, double[] fixedFactors, double[] target, int f, double regularization, double alpha)
    {
        var gram = new double[f * f];
        for (var j = 0; j < fixedFactors.Length / f; j++)
        {
            for (var a = 0; a < f; a++)
            {
                var ya = fixedFactors[(j * f) + a];
                for (var b = 0; b < f; b++) gram[(a * f) + b] += ya * fixedFactors[(j * f) + b];
            }
        }

        var matrix = new double[f * f];
        var rhs = new double[f];
        for (var u = 0; u < rows.Length; u++)
        {
            gram.CopyTo(matrix, 0);
            Array.Clear(rhs);
            for (var a = 0; a < f; a++) matrix[(a * f) + a] += regularization;
            for (var n = 0; n < rows[u].Length; n++)
            {
                var j = rows[u][n];
                var confidence = 1 + (alpha * values[u][n]);
                for (var a = 0; a < f; a++)
                {
                    var ya = fixedFactors[(j * f) + a];
                    rhs[a] += confidence * ya;
                    for (var b = 0; b < f; b++) matrix[(a * f) + b] += (confidence - 1) * ya * fixedFactors[(j * f) + b];
                }
            }

            var x = Matrix<double>.Build.DenseOfColumnMajor(f, f, matrix).Cholesky().Solve(Vector<double>.Build.DenseOfArray(rhs));
            for (var a = 0; a < f; a++) target[(u * f) + a] = x[a];
        }
    }

    public void Score(int user, int[] items, double[] values, Span<double> scores)
    {
        var f = Factors;
        var n = scores.Length;
        scores.Clear();
        for (var a = 0; a < f; a++) ScoreVectors.MultiplyAdd(userFactors[(user * f) + a], byFactor.AsSpan(a * n, n), scores);
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Factors);
        ModelBinary.WriteDoubles(writer, userFactors);
        ModelBinary.WriteDoubles(writer, itemFactors);
    }

    public static AlsScorer Read(BinaryReader reader)
    {
        var factors = reader.ReadInt32();
        return new AlsScorer(factors, ModelBinary.ReadDoubles(reader), ModelBinary.ReadDoubles(reader));
    }
}
