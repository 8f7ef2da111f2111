using Pipeline.Formats.Profiles;
using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Profiles;
using Pipeline.Ml.Tests.Validation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Features;

// NOTE: issue 17 item 6: SIGTERM left a wide-table Featurize running for more than 10 minutes; every pass over the
// rows and ML.NET's fitting now stop on the stage's token.
public sealed class FeaturizerCancellationTests
{
    private static (FeaturizePaths Paths, DatasetSchema Schema) Prepare(TestDirectory dir)
    {
        var validated = dir.Write("data/validated/t.csv", SampleData.Csv(300, "binary"));
        var schema = SchemaInference.Infer(validated, "label", MlTask.Binary, new InferenceOptions { Key = "id" });
        SchemaFile.Write(dir.Path("data/schema.yaml"), schema);
        var paths = new FeaturizePaths
        {
            ValidatedCsv = validated,
            SchemaYaml = dir.Path("data/schema.yaml"),
            TrainCsv = dir.Path("data/features/train.csv"),
            TestCsv = dir.Path("data/features/test.csv"),
            FeaturizerZip = dir.Path("models/featurizer.zip"),
            ProfileJson = dir.Path("data/features/profile.json"),
        };
        return (paths, schema);
    }

    private static CancellationToken Cancelled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        return source.Token;
    }

    [Fact]
    public void Run_Cancelled_ThrowsAndWritesNoOutput()
    {
        using var dir = new TestDirectory();
        var (paths, _) = Prepare(dir);

        Assert.ThrowsAny<OperationCanceledException>(() => Featurizer.Run(paths, new FeaturizerOptions(), Cancelled()));

        Assert.All([paths.TrainCsv, paths.TestCsv, paths.FeaturizerZip, paths.ProfileJson], p => Assert.False(File.Exists(p), p));
        Assert.Empty(Directory.GetFiles(dir.Path("data/features")));
    }

    [Fact]
    public void Passes_Cancelled_StatisticsProfileAndFittingEachStop()
    {
        using var dir = new TestDirectory();
        var (paths, schema) = Prepare(dir);
        Featurizer.Run(paths, new FeaturizerOptions());

        Assert.ThrowsAny<OperationCanceledException>(() => NumericStatistics.Compute(paths.TrainCsv, schema, ["amount"], [], cancellation: Cancelled()));
        Assert.ThrowsAny<OperationCanceledException>(() => ProfileBuilder.Build(paths.TrainCsv, schema, Cancelled()));
        var ml = new MLContext(1);
        using (ml.StopOn(Cancelled()))
            Assert.ThrowsAny<OperationCanceledException>(() => Featurizer.Fit(ml, schema, new FeaturizerOptions(), paths.TrainCsv));
    }
}
