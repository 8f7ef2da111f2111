using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Setup;

namespace Pipeline.Ml.Tests.Setup;

public sealed class DatasetInspectorTests
{
    private const string Loans =
        "loan_id,applied,region,note,income,approved\n" +
        "L1,2024-01-03,north,\"paid off an earlier car loan early\",52.5,yes\n" +
        "L2,2024-01-04,south,\"first loan, new job in town\",31.0,no\n" +
        "L3,2024-01-05,north,\"self employed, two years of records\",44.2,yes\n" +
        "L4,2024-01-06,east,\"asked to raise the amount twice\",28.9,no\n" +
        "L5,2024-01-07,south,\"long time customer with savings\",61.3,yes\n";

    private static DatasetInspection Inspect(TestDirectory dir, string csv, string label, MlTask? task = null)
    {
        dir.Write("data/new.csv", csv);
        return DatasetInspector.Inspect("data/new.csv", label, task, dir.Root, dir.Path("scratch"));
    }

    [Fact]
    public void Inspect_BinaryTable_InfersTaskKeyKindsBalanceAndGate()
    {
        using var dir = new TestDirectory();

        var inspection = Inspect(dir, Loans, "approved");

        Assert.Equal((MlTask.Binary, true, 5L), (inspection.Task, inspection.TaskInferred, inspection.Rows));
        Assert.Equal(["loan_id"], inspection.KeyCandidates);
        Assert.Equal(["note"], inspection.TextColumns);
        Assert.Equal(["applied"], inspection.DateColumns);
        Assert.Equal(["region"], inspection.CategoricalColumns);
        Assert.Equal(["income"], inspection.NumericColumns);
        Assert.Equal(new Dictionary<string, long> { ["no"] = 2, ["yes"] = 3 }, inspection.ClassCounts);
        Assert.Equal("region", inspection.SliceColumn);
        Assert.Contains(new KeyValuePair<string, string>("gate.min.auc", "0.7"), inspection.Settings);
        Assert.Contains(new KeyValuePair<string, string>("data.key", "loan_id"), inspection.Settings);
        Assert.Contains(new KeyValuePair<string, string>("ingest.kind", "csv"), inspection.Settings);
        Assert.Contains("class balance: no 2 (40%), yes 3 (60%)", inspection.Describe());
    }

    [Fact]
    public void Inspect_ManyDecimalLabelValues_Regression()
    {
        using var dir = new TestDirectory();
        var csv = "area,rent\n" + string.Concat(Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"{30 + (i % 10)},{500 + (i * 12.5)}\n")));

        var inspection = Inspect(dir, csv, "rent");

        Assert.Equal(MlTask.Regression, inspection.Task);
        Assert.Empty(inspection.ClassCounts);
        Assert.Contains(new KeyValuePair<string, string>("gate.min.r2", "0.3"), inspection.Settings);
        Assert.Empty(inspection.KeyCandidates);
    }

    [Fact]
    public void Inspect_ThreeStringClasses_MulticlassUnlessTaskGiven()
    {
        using var dir = new TestDirectory();
        const string csv = "text,label\nhello there,greeting\nbye now,goodbye\nthanks a lot,thanks\nhi,greeting\n";

        Assert.Equal(MlTask.Multiclass, Inspect(dir, csv, "label").Task);
        var given = Inspect(dir, csv, "label", MlTask.Binary);
        Assert.Equal((MlTask.Binary, false), (given.Task, given.TaskInferred));
    }

    [Fact]
    public void Inspect_NoSuchFile_OneLineNamingIt()
    {
        using var dir = new TestDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => DatasetInspector.Inspect("data/missing.csv", "y", null, dir.Root, dir.Path("scratch")));

        Assert.Equal("Init: no such file 'data/missing.csv' (--data); give the path of a CSV, TSV, JSONL or Parquet file, relative to the repository.", error.Message);
    }

    [Fact]
    public void Inspect_NoSuchLabelColumn_OneLineListingTheColumns()
    {
        using var dir = new TestDirectory();

        var error = Assert.Throws<InvalidDataException>(() => Inspect(dir, Loans, "approval"));

        Assert.Equal("Init: 'data/new.csv' has no column 'approval' (--label). Columns: loan_id, applied, region, note, income, approved.", error.Message);
    }

    [Fact]
    public void Inspect_LabelWithOneClass_OneLineSayingNothingToLearn()
    {
        using var dir = new TestDirectory();

        var error = Assert.Throws<InvalidDataException>(() => Inspect(dir, "x,y\n1,a\n2,a\n3,a\n", "y"));

        Assert.Equal("Init: the label 'y' has one value ('a') in 'data/new.csv': there is nothing to learn. Choose a label column with at least two values (--label).", error.Message);
    }

    [Theory]
    [InlineData("", "Init: 'data/new.csv' (--data) is empty: it has no header and no rows.")]
    [InlineData("x,y\n", "Init: 'data/new.csv' (--data) is empty: it has a header but no rows.")]
    public void Inspect_EmptyFile_OneLineSayingSo(string csv, string message)
    {
        using var dir = new TestDirectory();

        var error = Assert.Throws<InvalidDataException>(() => Inspect(dir, csv, "y"));

        Assert.Equal(message, error.Message);
    }
}
