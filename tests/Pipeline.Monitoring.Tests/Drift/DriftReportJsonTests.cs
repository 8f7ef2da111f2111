using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Tests.Drift;

public sealed class DriftReportJsonTests
{
    [Fact]
    public void ToJson_SmallReport_MatchesGoldenShape()
    {
        var report = new DriftReport
        {
            Columns =
            [
                new ColumnDrift
                {
                    Name = "amount", Method = DriftMethod.Ks, Statistic = 0.12, PValue = 0.003, Drift = true, Threshold = 0.05,
                    EffectSize = 0.12, EffectSizeMeasure = "ks_statistic", ImportanceRank = 1, ReferenceSize = 500, CurrentSize = 400,
                },
                new ColumnDrift
                {
                    Name = "city", Method = DriftMethod.JensenShannon, Statistic = 0.05, Drift = false, Threshold = 0.1,
                    EffectSize = 0.05, EffectSizeMeasure = "js_distance", ReferenceSize = 5000, CurrentSize = 4000,
                },
                new ColumnDrift
                {
                    Name = "tiny", Method = DriftMethod.ChiSquare, Threshold = 0.05, ReferenceSize = 3, CurrentSize = 2,
                    InsufficientData = true,
                },
            ],
            DriftShare = 0.5,
            DatasetDrift = false,
            DriftShareThreshold = 0.6,
            DriftedColumns = ["amount"],
        };

        var expected = GoldenFile.Read("Drift/Goldens/drift-report.json");
        Assert.Equal(expected.ReplaceLineEndings("\n"), report.ToJson());
    }

    [Fact]
    public void ToJson_TinyNumbers_InvariantShortestRoundTrip()
    {
        var report = new DriftReport
        {
            Columns =
            [
                new ColumnDrift
                {
                    Name = "x", Method = DriftMethod.Ks, Statistic = 1.0 / 3, PValue = 6.122920616087591e-06, Drift = true,
                    Threshold = 0.05, ReferenceSize = 40, CurrentSize = 40,
                },
            ],
            DriftShare = 1, DatasetDrift = true, DriftShareThreshold = 0.5, DriftedColumns = ["x"],
        };
        var json = report.ToJson();
        Assert.Contains("\"statistic\": 0.3333333333333333,", json);
        Assert.Contains("\"p_value\": 6.122920616087591E-06,", json);
    }

    [Fact]
    public void DriftMethods_Parse_UnknownNameListsKnownOnes()
    {
        Assert.Equal(DriftMethod.Wasserstein, DriftMethods.Parse("Wasserstein"));
        var error = Assert.Throws<ArgumentException>(() => DriftMethods.Parse("kl"));
        Assert.Contains("ks, chi2, psi, js, wasserstein", error.Message);
    }
}
