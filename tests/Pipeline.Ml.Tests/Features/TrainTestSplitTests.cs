using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Tests.Validation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Features;

public sealed class TrainTestSplitTests
{
    [Fact]
    public void Run_Classification_HoldsOutFractionOfEachClassDeterministically()
    {
        using var dir = new TestDirectory();
        var source = dir.Write("v.csv", SampleData.Csv(500, "multiclass"));
        var schema = SchemaInference.Infer(source, "label", MlTask.Multiclass);

        var counts = TrainTestSplit.Run(source, schema, 0.2, 3, dir.Path("a/train.csv"), dir.Path("a/test.csv"));
        TrainTestSplit.Run(source, schema, 0.2, 3, dir.Path("b/train.csv"), dir.Path("b/test.csv"));
        TrainTestSplit.Run(source, schema, 0.2, 4, dir.Path("c/train.csv"), dir.Path("c/test.csv"));

        Assert.Equal(500, counts.Train + counts.Test);
        var all = ByClass(source);
        var test = ByClass(dir.Path("a/test.csv"));
        foreach (var (label, n) in all) Assert.Equal((int)Math.Round(n * 0.2, MidpointRounding.AwayFromZero), test[label]);
        Assert.Equal(File.ReadAllBytes(dir.Path("a/test.csv")), File.ReadAllBytes(dir.Path("b/test.csv")));
        Assert.NotEqual(File.ReadAllBytes(dir.Path("a/test.csv")), File.ReadAllBytes(dir.Path("c/test.csv")));
        var ids = SnapshotRows.Read(dir.Path("a/train.csv")).Concat(SnapshotRows.Read(dir.Path("a/test.csv"))).Select(r => r[0]).ToHashSet();
        Assert.Equal(500, ids.Count);
    }

    [Fact]
    public void Run_AboveShuffleLimit_SelectionSamplingHoldsOutExactFractionPerClassDeterministically()
    {
        using var dir = new TestDirectory();
        var source = dir.Write("v.csv", SampleData.Csv(500, "multiclass"));
        var schema = SchemaInference.Infer(source, "label", MlTask.Multiclass);

        var counts = TrainTestSplit.Run(source, schema, 0.2, 3, dir.Path("a/train.csv"), dir.Path("a/test.csv"), shuffleLimit: 100);
        TrainTestSplit.Run(source, schema, 0.2, 3, dir.Path("b/train.csv"), dir.Path("b/test.csv"), shuffleLimit: 100);
        TrainTestSplit.Run(source, schema, 0.2, 3, dir.Path("c/train.csv"), dir.Path("c/test.csv"));

        Assert.Equal(500, counts.Train + counts.Test);
        var test = ByClass(dir.Path("a/test.csv"));
        foreach (var (label, n) in ByClass(source)) Assert.Equal((int)Math.Round(n * 0.2, MidpointRounding.AwayFromZero), test[label]);
        Assert.Equal(File.ReadAllBytes(dir.Path("a/train.csv")), File.ReadAllBytes(dir.Path("b/train.csv")));
        Assert.NotEqual(File.ReadAllBytes(dir.Path("a/test.csv")), File.ReadAllBytes(dir.Path("c/test.csv")));
        var ids = SnapshotRows.Read(dir.Path("a/train.csv")).Concat(SnapshotRows.Read(dir.Path("a/test.csv"))).Select(r => r[0]).ToHashSet();
        Assert.Equal(500, ids.Count);
    }

    [Fact]
    public void Run_WithKey_GrowingDatasetKeepsEveryEarlierRowOnItsSide()
    {
        using var dir = new TestDirectory();
        var lines = SampleData.Csv(600, "binary").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var before = dir.Write("before.csv", string.Join('\n', lines[..501]) + "\n");
        var after = dir.Write("after.csv", string.Join('\n', lines) + "\n");
        var schema = SchemaInference.Infer(after, "label", MlTask.Binary, new InferenceOptions { Key = "id" });

        var first = TrainTestSplit.Run(before, schema, 0.2, 3, dir.Path("a/train.csv"), dir.Path("a/test.csv"));
        var second = TrainTestSplit.Run(after, schema, 0.2, 3, dir.Path("b/train.csv"), dir.Path("b/test.csv"));
        TrainTestSplit.Run(after, schema, 0.2, 4, dir.Path("c/train.csv"), dir.Path("c/test.csv"));

        Assert.Equal((500L, 600L), (first.Train + first.Test, second.Train + second.Test));
        Assert.InRange(second.Test, 90, 150);
        Assert.Subset(Ids(dir.Path("b/test.csv")), Ids(dir.Path("a/test.csv")));
        Assert.Subset(Ids(dir.Path("b/train.csv")), Ids(dir.Path("a/train.csv")));
        Assert.NotEqual(File.ReadAllBytes(dir.Path("b/test.csv")), File.ReadAllBytes(dir.Path("c/test.csv")));
    }

    private static HashSet<string> Ids(string path) => SnapshotRows.Read(path).Select(r => r[0]!).ToHashSet();

    private static Dictionary<string, int> ByClass(string path) =>
        SnapshotRows.Read(path).GroupBy(r => r[^1]!).ToDictionary(g => g.Key, g => g.Count());
}
