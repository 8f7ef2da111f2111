using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Tests.Statistics;

public sealed class KolmogorovSmirnovTests
{
    private const string File = "ks_2samp.json";

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var name in Vectors.Names(File))
        {
            foreach (var alternative in new[] { "two-sided", "less", "greater" })
            {
                foreach (var method in new[] { "auto", "exact", "asymp" })
                {
                    data.Add(name, alternative, method);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TwoSample_VectorCase_MatchesScipy(string name, string alternative, string method)
    {
        var c = Vectors.Case(File, name);
        var expected = c.GetProperty("results").GetProperty(alternative).GetProperty(method);
        var result = KolmogorovSmirnov.TwoSample(
            Vectors.Numbers(c, "x")!, Vectors.Numbers(c, "y")!, ParseAlternative(alternative), ParseMethod(method));

        Vectors.AssertRelative(expected.GetProperty("statistic").GetDouble(), result.Statistic, what: "statistic");
        Vectors.AssertRelative(expected.GetProperty("pvalue").GetDouble(), result.PValue, what: "p-value");
        Assert.Equal(expected.GetProperty("statistic_location").GetDouble(), result.StatisticLocation);
        Assert.Equal((int)expected.GetProperty("statistic_sign").GetDouble(), result.StatisticSign);
        var fellBack = expected.TryGetProperty("scipy_fell_back_to_asymp", out var f) && f.GetBoolean();
        Assert.Equal(method == "asymp" || fellBack, result.MethodUsed == KsMethod.Asymptotic);
    }

    [Fact]
    public void TwoSample_IdenticalSamples_StatisticZeroPValueOne()
    {
        double[] x = [1, 2, 3, 4];
        var result = KolmogorovSmirnov.TwoSample(x, x);
        Assert.Equal(0.0, result.Statistic);
        Assert.Equal(1.0, result.PValue);
    }

    [Fact]
    public void TwoSample_LargeSamples_AutoUsesAsymptotic()
    {
        var x = Enumerable.Range(0, 10_001).Select(i => i / 10_001.0).ToArray();
        var y = Enumerable.Range(0, 500).Select(i => 0.2 + i / 500.0).ToArray();
        Assert.Equal(KsMethod.Asymptotic, KolmogorovSmirnov.TwoSample(x, y).MethodUsed);
    }

    private static KsAlternative ParseAlternative(string s) => s switch
    {
        "two-sided" => KsAlternative.TwoSided,
        "less" => KsAlternative.Less,
        _ => KsAlternative.Greater,
    };

    private static KsMethod ParseMethod(string s) => s switch
    {
        "auto" => KsMethod.Auto,
        "exact" => KsMethod.Exact,
        _ => KsMethod.Asymptotic,
    };
}
