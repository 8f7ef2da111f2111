using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests.Statistics;

public sealed class ChiSquareTests
{
    private const string File = "chi2.json";

    public static TheoryData<string> ContingencyCases() => Vectors.CaseNames(File, "contingency_cases");

    public static TheoryData<string> GoodnessOfFitCases() => Vectors.CaseNames(File, "goodness_of_fit_cases");

    [Theory]
    [MemberData(nameof(ContingencyCases))]
    public void Contingency_VectorCase_MatchesScipyWithAndWithoutCorrection(string name)
    {
        var c = Vectors.Case(File, name, "contingency_cases");
        var observed = c.GetProperty("observed").EnumerateArray()
            .Select(r => (IReadOnlyList<double>)r.EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray();
        foreach (var (key, correction) in new[] { ("correction_true", true), ("correction_false", false) })
        {
            var expected = c.GetProperty("results").GetProperty(key);
            var result = ChiSquare.Contingency(observed, correction);
            Vectors.AssertRelative(expected.GetProperty("chi2").GetDouble(), result.Statistic, what: key + " chi2");
            Vectors.AssertRelative(expected.GetProperty("pvalue").GetDouble(), result.PValue, what: key + " p");
            Assert.Equal(expected.GetProperty("dof").GetInt32(), result.DegreesOfFreedom);
            var table = expected.GetProperty("expected").EnumerateArray().ToArray();
            for (var i = 0; i < table.Length; i++)
            {
                var row = table[i].EnumerateArray().Select(x => x.GetDouble()).ToArray();
                for (var j = 0; j < row.Length; j++) Vectors.AssertRelative(row[j], result.Expected[i][j], what: "expected");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoodnessOfFitCases))]
    public void GoodnessOfFit_VectorCase_MatchesScipy(string name)
    {
        var c = Vectors.Case(File, name, "goodness_of_fit_cases");
        var result = ChiSquare.GoodnessOfFit(Vectors.Numbers(c, "f_obs")!, Vectors.Numbers(c, "f_exp"));
        Vectors.AssertRelative(c.GetProperty("statistic").GetDouble(), result.Statistic, what: "statistic");
        Vectors.AssertRelative(c.GetProperty("pvalue").GetDouble(), result.PValue, what: "p");
    }

    [Fact]
    public void Contingency_ZeroColumn_ThrowsLikeScipy()
    {
        IReadOnlyList<double>[] observed = [[1, 0, 3], [2, 0, 4]];
        Assert.Throws<ArgumentException>(() => ChiSquare.Contingency(observed));
    }

    [Fact]
    public void Contingency_TwoByTwo_CramersVFromUncorrectedStatistic()
    {
        IReadOnlyList<double>[] observed = [[90, 60], [30, 70]];
        var result = ChiSquare.Contingency(observed);
        Vectors.AssertRelative(Math.Sqrt(21.634615384615383 / 250), result.CramersV, what: "V");
    }
}
