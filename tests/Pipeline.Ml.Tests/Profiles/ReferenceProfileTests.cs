using Pipeline.Formats.Profiles;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Profiles;
using Pipeline.Ml.Tests.Validation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Profiles;

public sealed class ReferenceProfileTests
{
    [Fact]
    public void Build_SmallKnownDataset_WritesExpectedJson()
    {
        using var dir = new TestDirectory();
        var csv = dir.Write("train.csv", "x,c,t,y\n1,a,hello world and more words here,1\n2,a,,0\n,b,hi there you all are welcome,0\n5,a,a b,1\n");
        var schema = SchemaInference.Infer(csv, "y", MlTask.Binary);

        var profile = ProfileBuilder.Build(csv, schema);
        profile.Save(dir.Path("profile.json"));
        var json = File.ReadAllText(dir.Path("profile.json"));

        Assert.Equal(ColumnKind.Text, schema.Column("t").Kind);
        Assert.Equal(Expected, json);
        Assert.Equal(json, ReferenceProfile.Load(dir.Path("profile.json")).ToJson());
    }

    [Fact]
    public void Build_MoreRowsThanTheSample_KeepsASeededSampleOfRawRowsInReadOrder()
    {
        using var dir = new TestDirectory();
        var rows = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"{i},{(i % 3 == 0 ? "a" : "b")},word{i % 7} and more,{i % 2}\n"));
        var csv = dir.Write("train.csv", "x,c,t,y\n" + rows);
        var schema = SchemaInference.Infer(csv, "y", MlTask.Binary);

        var sample = ProfileBuilder.Build(csv, schema).Sample!;

        Assert.Equal(["x", "c", "t", "y"], sample.Columns);
        Assert.Equal(ProfileSample.Capacity, sample.Rows.Count);
        var ids = sample.Rows.Select(r => int.Parse(r[0]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids[^1] > 10_000, "a reservoir sample reaches the last rows");
        Assert.All(sample.Rows, r => Assert.Equal($"word{int.Parse(r[0]!, System.Globalization.CultureInfo.InvariantCulture) % 7} and more", r[2]));
        Assert.Equal(ProfileBuilder.Build(csv, schema).ToJson(), ProfileBuilder.Build(csv, schema).ToJson());
    }

    // NOTE: x = 1, 2, 5 (one missing); t lengths 31, 3, 28 (one missing); quantiles interpolate linearly.
    private static readonly string Expected = GoldenFile.Read("Profiles/Goldens/reference-profile.json");
}
