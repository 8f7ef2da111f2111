using Pipeline.Ml.Data;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

// Validate against a data/schema.yaml that another source left behind, versus a real change to the same source.
public sealed partial class ValidatorTests
{
    private const string FraudLike = "id,amount,merchant,device,label\n1,10,a,web,yes\n2,20,b,pos,no\n3,30,a,web,yes\n4,40,b,pos,no\n";

    [Fact]
    public void Run_SchemaOfAnotherSource_InfersAFreshOneAndSaysSo()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", FraudLike);
        Validator.Run(Options(dir));
        dir.Write("data/raw/t.csv", "sepal,petal,species\n1.5,0.2,setosa\n6.1,4.7,versicolor\n7.2,6.0,virginica\n5.0,1.4,setosa\n");

        var report = Validator.Run(Options(dir, MlTask.Multiclass, label: "species"));

        Assert.True(report.Passed);
        Assert.True(report.SchemaInferred);
        Assert.True(report.SchemaReplaced);
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
        dir.Write("data/raw/t.csv", FraudLike);
        var options = Options(dir);
        Validator.Run(options);
        var before = File.ReadAllText(dir.Path("data/schema.yaml"));
        dir.Write("data/raw/t.csv", "id,amount,merchant,label\n1,10,a,yes\n2,20,b,no\n");

        var error = Assert.Throws<ValidationException>(() => Validator.Run(options));

        Assert.Contains(error.Report.Findings, f => f.Check == ValidationCheck.MissingColumn && f.Column == "device");
        Assert.Empty(error.Report.Notes);
        Assert.False(error.Report.SchemaReplaced);
        Assert.Equal(before, File.ReadAllText(dir.Path("data/schema.yaml")));
    }

    [Fact]
    public void Run_SameSourceWithARenamedColumn_StillAValidationError()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", FraudLike);
        var options = Options(dir);
        Validator.Run(options);
        dir.Write("data/raw/t.csv", FraudLike.Replace("device", "channel", StringComparison.Ordinal));

        var error = Assert.Throws<ValidationException>(() => Validator.Run(options));

        Assert.Contains(error.Report.Findings, f => f.Check == ValidationCheck.MissingColumn && f.Column == "device");
        Assert.False(error.Report.SchemaInferred);
    }
}
