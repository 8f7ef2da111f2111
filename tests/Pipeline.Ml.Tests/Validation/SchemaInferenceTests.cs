using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

public sealed class SchemaInferenceTests
{
    [Fact]
    public void Infer_GeneratedData_FindsKindsRangesDomainsAndNullability()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("raw.csv", SampleData.Csv(200, "binary"));

        var schema = SchemaInference.Infer(path, "label", MlTask.Binary, new InferenceOptions { Key = "id" });

        Assert.Equal(ColumnKind.Numeric, schema.Column("id").Kind);
        var amount = schema.Column("amount");
        Assert.Equal(ColumnKind.Numeric, amount.Kind);
        Assert.True(amount.Nullable);
        Assert.Equal(0.1, amount.NullRate, 6);
        Assert.True(amount.Min >= 0 && amount.Max <= 500 && amount.Min < amount.Max);
        Assert.Equal(["fuel", "grocery", "online", "travel"], schema.Column("merchant").Categories);
        Assert.Equal(ColumnKind.Categorical, schema.Column("merchant").Kind);
        Assert.False(schema.Column("merchant").Nullable);
        Assert.Equal(ColumnKind.Boolean, schema.Column("card_present").Kind);
        Assert.Equal(ColumnKind.Text, schema.Column("description").Kind);
        Assert.Equal(ColumnKind.Date, schema.Column("day").Kind);
        Assert.Equal(["0", "1"], schema.LabelClasses);
        Assert.Equal("1", schema.PositiveClass);
        Assert.Equal(1.0, schema.LabelDistribution.Values.Sum(), 9);
        Assert.Equal("id", schema.Key);
    }

    [Fact]
    public void Infer_ZeroOneColumns_FeatureIsBooleanAndLabelHasTwoClasses()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("raw.csv", "flag,y\n1,0\n0,1\n1,1\n,0\n");

        var schema = SchemaInference.Infer(path, "y", MlTask.Binary);

        Assert.Equal((ColumnKind.Boolean, true), (schema.Column("flag").Kind, schema.Column("flag").Nullable));
        Assert.Equal(["0", "1"], schema.Column("flag").Categories);
        Assert.Equal(ColumnKind.Categorical, schema.Column("y").Kind);
        Assert.Equal(["0", "1"], schema.LabelClasses);
        Assert.Equal("1", schema.PositiveClass);
    }

    [Fact]
    public void Infer_BinaryWithThreeClasses_ThrowsSuggestingMulticlass()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("raw.csv", SampleData.Csv(100, "multiclass"));

        var error = Assert.Throws<InvalidDataException>(() => SchemaInference.Infer(path, "label", MlTask.Binary));

        Assert.Contains("multiclass", error.Message);
    }

    [Fact]
    public void Infer_MissingLabelColumn_ThrowsListingColumns()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("raw.csv", "a,b\n1,2\n");

        var error = Assert.Throws<InvalidDataException>(() => SchemaInference.Infer(path, "target", MlTask.Regression));

        Assert.Contains("Columns: a, b", error.Message);
    }

    [Fact]
    public void SchemaFile_WriteThenRead_RoundTripsWithStableText()
    {
        using var dir = new TestDirectory();
        var path = dir.Write("raw.csv", "k,x,c,y\n1,1.5,a,yes\n2,,b,no\n3,-2,a,yes\n");
        var schema = SchemaInference.Infer(path, "y", MlTask.Binary, new InferenceOptions { Key = "k" });
        var file = dir.Path("data/schema.yaml");

        SchemaFile.Write(file, schema);
        var back = SchemaFile.Read(file);

        Assert.Equal(SchemaFile.Format(schema), SchemaFile.Format(back));
        Assert.Equal(GoldenFile.Read("Validation/Goldens/schema.yaml").ReplaceLineEndings("\n"), File.ReadAllText(file));
    }
}
