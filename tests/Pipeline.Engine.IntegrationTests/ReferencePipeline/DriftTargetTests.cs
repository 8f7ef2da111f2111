using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.Engine.IntegrationTests.ReferencePipeline;

/// <summary>./build.sh Drift on two CSV files: the report the issue specifies, settings from params.yaml monitor.drift.*.</summary>
[Collection(ReferenceCollection.Name)]
public sealed class DriftTargetTests(ReferenceTemplate template) : IDisposable
{
    private readonly TestRepository _repo = template.CreateCopy();

    public void Dispose() => _repo.Dispose();

    private void WriteCsv(string path, double shift)
    {
        var text = new StringBuilder("ts,amount,country\n");
        for (var i = 0; i < 400; i++)
            text.Append(CultureInfo.InvariantCulture, $"2024-01-{1 + i % 28:00}T10:00:00Z,{(i % 97) + shift},{(i % 3 == 0 ? "US" : "DE")}\n");
        _repo.Write(path, text.ToString());
    }

    [Fact]
    public void Drift_ShiftedNumericColumn_ReportsItAndLeavesTheDateOut()
    {
        WriteCsv("a.csv", 0);
        WriteCsv("b.csv", 40);

        var run = _repo.Run("Drift", "--reference", "a.csv", "--current", "b.csv", "--method", "ks", "--set", "monitor.drift.drift_share=0.5");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = JsonDocument.Parse(_repo.Read("reports/drift.json"));
        var columns = report.RootElement.GetProperty("columns");
        Assert.Equal(["amount", "country"], columns.EnumerateObject().Select(c => c.Name).Order());
        Assert.Equal("ks", columns.GetProperty("amount").GetProperty("method").GetString());
        Assert.True(columns.GetProperty("amount").GetProperty("drift").GetBoolean());
        Assert.False(columns.GetProperty("country").GetProperty("drift").GetBoolean());
        Assert.Equal(0.5, report.RootElement.GetProperty("drift_share").GetDouble());
        Assert.True(report.RootElement.GetProperty("dataset_drift").GetBoolean());
    }
}
