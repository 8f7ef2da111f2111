using MathNet.Numerics;

namespace Pipeline.Monitoring.Statistics;

/// <summary>
/// Pearson chi-square tests: <c>scipy.stats.chi2_contingency</c> (Yates' correction only when dof == 1)
/// and <c>scipy.stats.chisquare</c> (goodness of fit).
/// </summary>
internal static class ChiSquare
{
    /// <summary>Test of independence on an r x c table of observed counts.</summary>
    public static ChiSquareResult Contingency(IReadOnlyList<IReadOnlyList<double>> observed, bool correction = true)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var rows = observed.Count;
        var columns = rows == 0 ? 0 : observed[0].Count;
        if (rows == 0 || columns == 0 || observed.Any(r => r.Count != columns))
        {
            throw new ArgumentException("A contingency table needs equal-length, non-empty rows.");
        }

        var rowSums = observed.Select(r => r.Sum()).ToArray();
        var columnSums = Enumerable.Range(0, columns).Select(c => observed.Sum(r => r[c])).ToArray();
        var total = rowSums.Sum();
        var expected = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            expected[i] = new double[columns];
            for (var j = 0; j < columns; j++)
            {
                expected[i][j] = rowSums[i] * columnSums[j] / total;
                if (expected[i][j] == 0)
                {
                    throw new ArgumentException(
                        $"The contingency table has a zero expected frequency at ({i}, {j}); drop empty rows and columns first.");
                }
            }
        }

        var dof = rows * columns - rows - columns + 1;
        if (dof == 0)
        {
            return new ChiSquareResult(0.0, 1.0, 0, expected, 0.0);
        }

        double corrected = 0, uncorrected = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var o = observed[i][j];
                var e = expected[i][j];
                uncorrected += (o - e) * (o - e) / e;
                if (dof == 1 && correction)
                {
                    var diff = e - o;
                    o += Math.Min(0.5, Math.Abs(diff)) * Math.Sign(diff);
                }

                corrected += (o - e) * (o - e) / e;
            }
        }

        var v = Math.Sqrt(uncorrected / (total * (Math.Min(rows, columns) - 1)));
        return new ChiSquareResult(corrected, Survival(corrected, dof), dof, expected, v);
    }

    /// <summary>Goodness of fit of observed counts to expected counts (uniform when <paramref name="expected"/> is null).</summary>
    public static ChiSquareResult GoodnessOfFit(IReadOnlyList<double> observed, IReadOnlyList<double>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(observed);
        if (observed.Count == 0) throw new ArgumentException("Goodness of fit needs at least one observed count.");
        var mean = observed.Sum() / observed.Count;
        var exp = expected?.ToArray() ?? Enumerable.Repeat(mean, observed.Count).ToArray();
        if (exp.Length != observed.Count)
        {
            throw new ArgumentException($"Observed has {observed.Count} counts but expected has {exp.Length}.");
        }

        var statistic = 0.0;
        for (var i = 0; i < exp.Length; i++)
        {
            statistic += (observed[i] - exp[i]) * (observed[i] - exp[i]) / exp[i];
        }

        var dof = observed.Count - 1;
        return new ChiSquareResult(statistic, Survival(statistic, dof), dof, [exp], double.NaN);
    }

    /// <summary>Chi-square survival function Q(dof/2, x/2).</summary>
    public static double Survival(double x, int degreesOfFreedom) =>
        x <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, x / 2.0);
}
