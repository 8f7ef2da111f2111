using Pipeline.Formats.Profiles;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Profiles;
using Pipeline.Ml.Tests.Validation;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Features;

public sealed class ValidateThenFeaturizeTests
{
    [Fact]
    public void Run_ValidatedOutputWithExtraColumn_FeaturizesInSchemaOrder()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", SampleData.Csv(200, "binary"));
        var validation = new ValidationOptions
        {
            SnapshotPath = dir.Path("data/raw/t.csv"), SchemaPath = dir.Path("data/schema.yaml"),
            ValidatedPath = dir.Path("data/validated/t.csv"), QuarantinePath = dir.Path("data/quarantine/t.csv"),
            ReportJsonPath = dir.Path("reports/validation.json"), ReportTextPath = dir.Path("reports/validation.txt"),
            Label = "label", Task = MlTask.Binary, Inference = new InferenceOptions { Key = "id" },
        };
        Validator.Run(validation);
        var lines = File.ReadAllLines(dir.Path("data/raw/t.csv"));
        dir.Write("data/raw/t.csv", string.Join("\n", lines.Select((l, i) => (i == 0 ? "extra," : "x,") + l)) + "\n");
        var report = Validator.Run(validation);
        var paths = new FeaturizePaths
        {
            ValidatedCsv = validation.ValidatedPath, SchemaYaml = validation.SchemaPath,
            TrainCsv = dir.Path("data/features/train.csv"), TestCsv = dir.Path("data/features/test.csv"),
            FeaturizerZip = dir.Path("models/featurizer.zip"), ProfileJson = dir.Path("data/features/profile.json"),
        };

        var result = Featurizer.Run(paths, FeaturizerOptions.FromParams(new Dictionary<string, string> { ["scaling"] = "zscore", ["imputation"] = "most_frequent" }));

        Assert.Equal(ValidationCheck.ExtraColumn, Assert.Single(report.Findings).Check);
        Assert.Equal(200, result.TrainRows + result.TestRows);
        var profile = ReferenceProfile.Load(paths.ProfileJson);
        Assert.Equal(result.TrainRows, profile.RowCount);
        Assert.Equal(["id", "amount", "merchant", "card_present", "description", "day", "label"], profile.Columns.Select(c => c.Name));
        var ml = new MLContext(1);
        var output = ml.Model.Load(paths.FeaturizerZip, out var inputSchema).Transform(SnapshotLoader.Load(ml, paths.TestCsv, SchemaFile.Read(paths.SchemaYaml)));
        Assert.Equal(result.TestRows, output.GetColumn<bool>("Label").LongCount());
        Assert.Equal(7, inputSchema.Count);
    }
}
