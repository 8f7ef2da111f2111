using System.Net.Http.Json;
using Pipeline.Serving.Rollouts;

namespace Pipeline.Serving.Tests.Rollouts;

[Collection(ServingCollection.Name)]
public sealed class AbTestTests(ServingFixture fixture)
{
    [Fact]
    public async Task AbTest_TreatmentAlwaysRight_VerdictTreatmentBetter()
    {
        await using var host = await RolloutHost.StartAsync(fixture);
        await host.Admin.StartRolloutAsync(new RolloutRequest { Strategy = "ab-test", Version = "v0.0.2", Split = 50, MinSamples = 30, EntityKey = "customer-id" });
        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => host.PredictAsync(i, customer: $"c{i}", requestId: $"ab-{i}")));
        var early = await host.Admin.GetAbTestAsync();
        await host.Log.FlushAsync(CancellationToken.None);

        // NOTE: synthetic ground truth: treatment is always right, control right on every third request only.
        var feedback = answers.Select((a, i) => new { request_id = a.RequestId, label = a.Variant == "treatment" || i % 3 == 0 ? a.Label : !a.Label }).ToArray();
        (await host.Http.PostAsJsonAsync("/v1/feedback", feedback)).EnsureSuccessStatusCode();
        var report = await host.Admin.GetAbTestAsync();

        Assert.Equal("insufficient_data", early.GetProperty("verdict").GetString());
        Assert.Equal(["control", "treatment"], answers.Select(a => a.Variant).Distinct().Order());
        Assert.Equal("two_proportion_z", report.GetProperty("test").GetString());
        Assert.Equal("treatment_better", report.GetProperty("verdict").GetString());
        Assert.Equal(1.0, report.GetProperty("variants")[1].GetProperty("accuracy").GetDouble());
        Assert.True(report.GetProperty("p_value").GetDouble() < 0.05);
    }

    [Fact]
    public void TwoProportion_KnownCounts_MatchesTextbookZ()
    {
        var (z, p) = Significance.TwoProportion(50, 100, 65, 100);

        Assert.Equal(2.1456, z, 3);
        Assert.Equal(0.0319, p, 3);
    }

    [Fact]
    public void Welch_EqualVariances_PValueOfStudentT()
    {
        // NOTE: t = 2 with 10 degrees of freedom has a two-sided p of 0.07339 (Student t table).
        var (t, p) = Significance.Welch(0, 5.0 / 3, 6, 1.0, 0, 6);
        var tail = Significance.IncompleteBeta(5, 0.5, 10.0 / 14);

        Assert.Equal(0.07339, tail, 4);
        Assert.True(t > 0 && p > 0 && p < 1);
    }

    [Fact]
    public void Welch_SummaryStatistics_MatchSciPy()
    {
        // NOTE: independent values from scipy.stats.ttest_ind_from_stats(equal_var=False) (Vectors/welch.py wrote Vectors/welch.json).
        var path = Path.Combine(AppContext.BaseDirectory, "Rollouts", "Vectors", "welch.json");
        using var vectors = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in vectors.RootElement.GetProperty("cases").EnumerateArray())
        {
            double D(string name) => c.GetProperty(name).GetDouble();
            long N(string name) => c.GetProperty(name).GetInt64();

            var (t, p) = Significance.Welch(D("mean1"), D("variance1"), N("n1"), D("mean2"), D("variance2"), N("n2"));
            var df = Significance.WelchDegreesOfFreedom(D("variance1"), N("n1"), D("variance2"), N("n2"));

            Assert.Equal(D("t"), t, 1e-9);
            Assert.Equal(D("df"), df, 1e-9);
            Assert.True(Math.Abs(p - D("p")) <= 1e-9 * Math.Max(1, D("p")) + 1e-12, $"p: expected {D("p"):R}, got {p:R}");
        }
    }
}
