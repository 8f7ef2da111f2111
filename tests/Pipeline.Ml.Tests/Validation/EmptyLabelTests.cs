using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Tests.Validation;

public sealed class EmptyLabelTests
{
    /// <summary><see cref="SampleData"/>'s binary CSV with the label of every seventh row emptied, from the first (58 of 400).</summary>
    private static string WithEmptyLabels(int rows, out int emptied)
    {
        var lines = SampleData.Csv(rows, "binary").TrimEnd('\n').Split('\n');
        var count = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (i % 7 != 1) continue;
            lines[i] = lines[i][..(lines[i].LastIndexOf(',') + 1)];
            count++;
        }
        emptied = count;
        return string.Join('\n', lines) + "\n";
    }

    private static ValidationOptions Options(TestDirectory dir) => new()
    {
        SnapshotPath = dir.Path("data/raw/t.csv"), SchemaPath = dir.Path("data/schema.yaml"),
        ValidatedPath = dir.Path("data/validated/t.csv"), QuarantinePath = dir.Path("data/quarantine/t.csv"),
        ReportJsonPath = dir.Path("reports/validation.json"), ReportTextPath = dir.Path("reports/validation.txt"),
        Label = "label", Task = MlTask.Binary, Inference = new InferenceOptions { Key = "id" },
    };

    [Fact]
    public void Run_58Of400LabelsEmpty_QuarantinesThemWithAReasonAndNeverTrainsOnThem()
    {
        using var dir = new TestDirectory();
        dir.Write("data/raw/t.csv", WithEmptyLabels(400, out var emptied));
        var options = Options(dir);

        var report = Validator.Run(options);

        Assert.Equal(58, emptied);
        Assert.Equal((400L, 342L, 58L), (report.Rows, report.ValidatedRows, report.QuarantinedRows));
        var finding = Assert.Single(report.Findings, f => f.Check == ValidationCheck.MissingLabel);
        Assert.Equal(58, finding.Count);
        var quarantine = SnapshotRows.Read(options.QuarantinePath);
        Assert.Equal(58, quarantine.Count);
        Assert.All(quarantine, row => Assert.EndsWith("missing_label: label 'label' is empty", row[^1]));
        Assert.Equal(342, SnapshotRows.Read(options.ValidatedPath).Count);
        Assert.All(SnapshotRows.Read(options.ValidatedPath), row => Assert.False(string.IsNullOrEmpty(row[^1])));
        var json = JsonDocument.Parse(File.ReadAllText(options.ReportJsonPath)).RootElement;
        Assert.Equal(58, json.GetProperty("quarantined_rows").GetInt32());
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("check").GetString() == "missing_label" && f.GetProperty("count").GetInt32() == 58);
        Assert.Matches(@"missing_label +label +warning +\S+ +58 ", File.ReadAllText(options.ReportTextPath));

        var paths = new FeaturizePaths
        {
            ValidatedCsv = options.ValidatedPath, SchemaYaml = options.SchemaPath,
            TrainCsv = dir.Path("data/features/train.csv"), TestCsv = dir.Path("data/features/test.csv"),
            FeaturizerZip = dir.Path("models/featurizer.zip"), ProfileJson = dir.Path("data/features/profile.json"),
        };
        var features = Featurizer.Run(paths, new FeaturizerOptions());
        Assert.Equal(342, features.TrainRows + features.TestRows);
        Assert.All(SnapshotRows.Read(paths.TrainCsv), row => Assert.False(string.IsNullOrEmpty(row[^1]), "a training row has an empty label"));
    }

    [Fact]
    public void Run_EmptyLabelsAfterACleanSnapshot_QuarantinedAsMissingLabel()
    {
        using var dir = new TestDirectory();
        var options = Options(dir);
        dir.Write("data/raw/t.csv", SampleData.Csv(100, "binary"));
        Validator.Run(options);
        dir.Write("data/raw/t.csv", WithEmptyLabels(100, out var emptied));

        var report = Validator.Run(options);

        Assert.Equal(emptied, report.QuarantinedRows);
        Assert.Equal(emptied, Assert.Single(report.Findings, f => f.Check == ValidationCheck.MissingLabel).Count);
        Assert.DoesNotContain(report.Findings, f => f.Check == ValidationCheck.NullInNonNullable);
    }
}
