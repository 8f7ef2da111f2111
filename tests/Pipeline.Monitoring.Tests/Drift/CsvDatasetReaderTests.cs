using Pipeline.Formats.Columns;
using Pipeline.Monitoring.Csv;
using Pipeline.Monitoring.Drift;

namespace Pipeline.Monitoring.Tests.Drift;

public sealed class CsvDatasetReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("monitoring-csv-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadPair_QuotedFieldsAndMissingCells_InfersKindsAcrossBothFiles()
    {
        var reference = Write("ref.csv", "amount,city,code\r\n1.5,\"New York, NY\",1\r\n,\"Say \"\"hi\"\"\",2\r\n");
        var current = Write("cur.csv", "amount,city,code\n2.5,\"multi\nline\",x\n");
        var (r, c) = CsvDatasetReader.ReadPair(reference, current);

        Assert.Equal(ColumnKind.Numeric, r.Find("amount")!.Kind);
        Assert.Equal([1.5, null], r.Find("amount")!.Numbers!);
        Assert.Equal(["New York, NY", "Say \"hi\""], r.Find("city")!.Labels!);
        Assert.Equal(["multi\nline"], c.Find("city")!.Labels!);
        Assert.Equal(ColumnKind.Categorical, r.Find("code")!.Kind);
        Assert.Equal(ColumnKind.Categorical, c.Find("code")!.Kind);
    }

    [Fact]
    public void ReadPair_DateColumns_AreLeftOutAndOtherTextStays()
    {
        var reference = Write("ref.csv", "ts,day,amount,note\n2024-01-01T08:00:00Z,2024-01-01,1.5,2024 plans\n,2024-01-02,2,x\n");
        var current = Write("cur.csv", "ts,day,amount,note\n2025-03-01T09:30:00.1234567Z,2025-03-01,3,y\n");

        var (r, c) = CsvDatasetReader.ReadPair(reference, current);

        Assert.Null(r.Find("ts"));
        Assert.Null(c.Find("day"));
        Assert.Equal(ColumnKind.Numeric, r.Find("amount")!.Kind);
        Assert.Equal(ColumnKind.Categorical, r.Find("note")!.Kind);
    }

    [Fact]
    public void ReadPair_ZeroOneColumn_IsBooleanAndDriftsByChiSquare()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? "1" : "0"));
        var shifted = string.Join("\n", Enumerable.Range(0, 60).Select(i => i % 10 == 0 ? "0" : "1"));

        var (r, c) = CsvDatasetReader.ReadPair(Write("r.csv", "night\n" + rows), Write("c.csv", "night\n" + shifted));
        var column = Assert.Single(new DriftAnalyzer().Analyze(r, c).Columns);

        Assert.Equal(ColumnKind.Boolean, r.Find("night")!.Kind);
        Assert.Equal(["true", "false"], r.Find("night")!.Labels!.Take(2));
        Assert.Equal(DriftMethod.ChiSquare, column.Method);
        Assert.True(column.Drift);
    }

    [Fact]
    public void ReadPair_RaggedRow_ThrowsNamingFileAndRow()
    {
        var reference = Write("ref.csv", "a,b\n1,2\n3\n");
        var current = Write("cur.csv", "a,b\n1,2\n");
        var error = Assert.Throws<FormatException>(() => CsvDatasetReader.ReadPair(reference, current));
        Assert.Contains("row 3", error.Message);
    }

    [Fact]
    public void ReadPair_ThenAnalyze_ProducesReportForEveryColumn()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i},{(i % 2 == 0 ? "a" : "b")}"));
        var shifted = string.Join("\n", Enumerable.Range(0, 60).Select(i => $"{i + 100},a"));
        var (r, c) = CsvDatasetReader.ReadPair(Write("r.csv", "x,k\n" + rows), Write("c.csv", "x,k\n" + shifted));
        var report = new DriftAnalyzer().Analyze(r, c);
        Assert.Equal(["k", "x"], report.Columns.Select(col => col.Name));
        Assert.True(report.DatasetDrift);
    }

    [Fact]
    public void AnalyzeCsv_WriteReport_FileHoldsCanonicalJson()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{i}"));
        var report = new DriftAnalyzer().AnalyzeCsv(Write("r.csv", "x\n" + rows), Write("c.csv", "x\n" + rows));
        var path = Path.Combine(_dir.FullName, "reports", "drift.json");
        DriftReportFile.Write(report, path);
        Assert.Equal(report.ToJson(), File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
        Assert.False(report.DatasetDrift);
    }
}
