using Pipeline.Ml.Data;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

/// <summary>Validate against a data/schema.yaml that another source left behind, versus a real change to the same source.</summary>
public sealed class SchemaSourceTests
{
    private const string Fraud = "id,amount,merchant,device,label\n1,10,a,web,yes\n2,20,b,pos,no\n3,30,a,web,yes\n4,40,b,pos,no\n";

    private static ValidationOptions Options(TestDirectory dir, string label, MlTask task, string? key = "id") => new()
    {
        SnapshotPath = dir.Path("data/raw/t.csv"),
        SchemaPath = dir.Path("data/schema.yaml"),
        ValidatedPath = dir.Path("data/validated/t.csv"),
        QuarantinePath = dir.Path("data/quarantine/t.csv"),
        ReportJsonPath = dir.Path("reports/validation.json"),
        ReportTextPath = dir.Path("reports/validation.txt"),
        Label = label,
        Task = task,
        Inference = new InferenceOptions { Key = key },
    };

    [Fact]
    public void Run_SchemaOfAnotherSource_InfersAFreshOneAndSaysSo()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", Fraud);
        Validator.Run(Options(dir, "label", MlTask.Binary));
        dir.Write("data/raw/t.csv", "sepal,petal,species\n1.5,0.2,setosa\n6.1,4.7,versicolor\n7.2,6.0,virginica\n5.0,1.4,setosa\n");

        var report = Validator.Run(Options(dir, "species", MlTask.Multiclass));

        Assert.True(report.Passed);
        Assert.True(report.SchemaInferred);
        Assert.Equal(4, report.ValidatedRows);
        var note = Assert.Single(report.Notes, n => n.Contains("describes another source", StringComparison.Ordinal));
        Assert.Contains("0 of its 5 columns", note, StringComparison.Ordinal);
        var schema = SchemaFile.Read(dir.Path("data/schema.yaml"));
        Assert.Equal(["sepal", "petal", "species"], schema.Columns.Select(c => c.Name));
        Assert.Equal(("species", MlTask.Multiclass), (schema.Label, schema.Task));
        Assert.Contains(report.Notes, n => n.StartsWith("data.key 'id' is not a column of this source", StringComparison.Ordinal));
        Assert.Null(schema.Key);
    }

    [Fact]
    public void Run_SameSourceWithADroppedColumn_StillAValidationError()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", Fraud);
        var options = Options(dir, "label", MlTask.Binary);
        Validator.Run(options);
        var before = File.ReadAllText(dir.Path("data/schema.yaml"));
        dir.Write("data/raw/t.csv", "id,amount,merchant,label\n1,10,a,yes\n2,20,b,no\n");

        var error = Assert.Throws<ValidationException>(() => Validator.Run(options));

        Assert.Contains(error.Report.Findings, f => f.Check == ValidationCheck.MissingColumn && f.Column == "device");
        Assert.Empty(error.Report.Notes);
        Assert.Equal(before, File.ReadAllText(dir.Path("data/schema.yaml")));
    }

    [Fact]
    public void Run_SameSourceWithARenamedColumn_StillAValidationError()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", Fraud);
        var options = Options(dir, "label", MlTask.Binary);
        Validator.Run(options);
        dir.Write("data/raw/t.csv", Fraud.Replace("device", "channel", StringComparison.Ordinal));

        var error = Assert.Throws<ValidationException>(() => Validator.Run(options));

        Assert.Contains(error.Report.Findings, f => f.Check == ValidationCheck.MissingColumn && f.Column == "device");
        Assert.False(error.Report.SchemaInferred);
    }
}
