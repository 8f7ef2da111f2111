using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Formats.Columns;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests.Data;

public sealed class SnapshotLoaderTests
{
    [Fact]
    public void Load_InferredSchema_RowCountAndTypesWithBooleanAsText()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("s.csv");
        using (var writer = new CsvSnapshotWriter(path, ["id", "amount", "online", "note", "label"]))
        {
            for (var i = 0; i < 120; i++)
            {
                writer.WriteValues([i, i % 7 == 0 ? null : i * 0.5, i % 2 == 0 ? "yes" : "no", i % 5 == 0 ? "a, \"quoted\"\nnote" : "plain", i % 3 == 0 ? "cat" : "dog"]);
            }
            writer.Complete();
        }
        var schema = new DatasetSchema(ColumnTypeInference.Infer(path), "label", MlTask.Binary) { Key = "id" };
        var ml = new MLContext(seed: 1);

        var data = SnapshotLoader.Load(ml, path, schema);

        Assert.Equal(TextDataViewType.Instance, data.Schema["id"].Type);
        Assert.Equal(NumberDataViewType.Single, data.Schema["amount"].Type);
        Assert.Equal(ColumnKind.Boolean, schema.Column("online").Kind);
        Assert.Equal(TextDataViewType.Instance, data.Schema["online"].Type);
        Assert.Equal(TextDataViewType.Instance, data.Schema["label"].Type);
        var amounts = data.GetColumn<float>("amount").ToArray();
        var online = data.GetColumn<ReadOnlyMemory<char>>("online").Select(o => o.ToString()).ToArray();
        var notes = data.GetColumn<ReadOnlyMemory<char>>("note").Select(n => n.ToString()).ToArray();
        Assert.Equal(120, amounts.Length);
        Assert.True(float.IsNaN(amounts[7]));
        Assert.Equal(4f, amounts[8]);
        Assert.Equal(("yes", "no"), (online[0], online[1]));
        Assert.Equal("a, \"quoted\"\nnote", notes[5]);
        Assert.Equal("plain", notes[6]);
    }

    [Fact]
    public void Load_RegressionLabel_IsSingle()
    {
        using var dir = new TestDirectory();
        var path = dir.Path("r.csv");
        File.WriteAllText(path, "x,y\n1,2.5\n2,3.5\n");
        var schema = new DatasetSchema([new ColumnSchema("x", ColumnKind.Numeric), new ColumnSchema("y", ColumnKind.Numeric)], "y", MlTask.Regression);

        var data = SnapshotLoader.Load(new MLContext(seed: 1), path, schema);

        Assert.Equal([2.5f, 3.5f], data.GetColumn<float>("y").ToArray());
    }
}
