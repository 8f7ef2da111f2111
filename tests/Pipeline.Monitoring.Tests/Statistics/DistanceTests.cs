using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests.Statistics;

public sealed class DistanceTests
{
    public static TheoryData<string> PsiCases() => Vectors.CaseNames("psi.json");

    public static TheoryData<string> JensenShannonCases() => Vectors.CaseNames("jensenshannon.json");

    public static TheoryData<string> WassersteinCases() => Vectors.CaseNames("wasserstein.json");

    [Theory]
    [MemberData(nameof(PsiCases))]
    public void PopulationStabilityIndex_VectorCase_MatchesDefinition(string name)
    {
        var file = Vectors.Load("psi.json");
        var c = Vectors.Case("psi.json", name);
        var result = PopulationStabilityIndex.Numeric(
            Vectors.Numbers(c, "expected")!, Vectors.Numbers(c, "actual")!,
            file.GetProperty("bins").GetInt32(), file.GetProperty("eps").GetDouble());

        Assert.Equal(Vectors.Numbers(c, "cut_points")!, result.CutPoints);
        Assert.Equal(Vectors.Numbers(c, "counts_expected")!.Select(x => (long)x), result.ExpectedCounts);
        Assert.Equal(Vectors.Numbers(c, "counts_actual")!.Select(x => (long)x), result.ActualCounts);
        Vectors.AssertRelative(c.GetProperty("psi").GetDouble(), result.Psi, what: "psi");
    }

    [Theory]
    [MemberData(nameof(JensenShannonCases))]
    public void JensenShannon_VectorCase_MatchesScipyInBothBases(string name)
    {
        var c = Vectors.Case("jensenshannon.json", name);
        double[] p = Vectors.Numbers(c, "p")!, q = Vectors.Numbers(c, "q")!;
        Vectors.AssertRelative(c.GetProperty("distance_natural_log").GetDouble(), JensenShannon.Distance(p, q), what: "ln");
        Vectors.AssertRelative(c.GetProperty("distance_base2").GetDouble(), JensenShannon.Distance(p, q, 2), what: "log2");
    }

    [Theory]
    [MemberData(nameof(WassersteinCases))]
    public void Wasserstein_VectorCase_MatchesScipy(string name)
    {
        var c = Vectors.Case("wasserstein.json", name);
        var distance = Wasserstein.Distance(
            Vectors.Numbers(c, "u_values")!, Vectors.Numbers(c, "v_values")!,
            Vectors.Numbers(c, "u_weights"), Vectors.Numbers(c, "v_weights"));
        Vectors.AssertRelative(c.GetProperty("distance").GetDouble(), distance, what: "distance");
    }
}
