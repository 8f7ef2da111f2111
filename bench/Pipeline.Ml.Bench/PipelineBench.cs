using System.Globalization;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Features;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Bench;

/// <summary>Runs Validate → Featurize → Train → Evaluate on a synthetic snapshot, as the pipeline wires them, measuring each.</summary>
internal static class PipelineBench
{
    private const int Seed = 42;

    /// <summary>Generates the snapshot if needed, measures the read baseline and every stage, prints a markdown table.</summary>
    public static int Run(BenchOptions options)
    {
        var snapshot = options.SnapshotPath;
        var results = new List<StageMeasurement>();
        if (!File.Exists(snapshot))
        {
            if (options.SkipGenerate) throw new ArgumentException($"{snapshot} does not exist; run without --skip-generate to create it.");
            results.Add(StageMeter.Measure("generate", options.Rows, () => SyntheticSnapshot.Write(snapshot, options.Rows, Seed)));
        }

        var run = options.RunDirectory;
        if (Directory.Exists(run)) Directory.Delete(run, recursive: true);
        Directory.CreateDirectory(run);
        string At(string name) => Path.Combine(run, name);

        var read = StageMeter.Measure("read (baseline)", options.Rows, () => ReadAll(snapshot));
        results.Add(read);

        ValidationReport? report = null;
        results.Add(StageMeter.Measure("validate", options.Rows, () => report = Validator.Run(new ValidationOptions
        {
            SnapshotPath = snapshot,
            SchemaPath = At("schema.yaml"),
            ValidatedPath = At("validated.csv"),
            QuarantinePath = At("quarantine.csv"),
            ReportJsonPath = At("validation.json"),
            ReportTextPath = At("validation.txt"),
            Label = SyntheticSnapshot.Label,
            Task = MlTask.Binary,
            Inference = new InferenceOptions { Key = SyntheticSnapshot.Key },
        })));

        var paths = new FeaturizePaths
        {
            ValidatedCsv = At("validated.csv"),
            SchemaYaml = At("schema.yaml"),
            TrainCsv = At("train.csv"),
            TestCsv = At("test.csv"),
            FeaturizerZip = At("featurizer.zip"),
            ProfileJson = At("profile.json"),
        };
        FeaturizeResult? features = null;
        var featurizerOptions = new FeaturizerOptions { Imputation = ImputationStrategy.Median, Scaling = ScalingStrategy.ZScore, Seed = Seed };
        results.Add(StageMeter.Measure("featurize", report!.ValidatedRows, () => features = Featurizer.Run(paths, featurizerOptions)));

        foreach (var trainer in options.Trainers)
        {
            var train = new TrainOptions { Task = MlTask.Binary, Trainers = [trainer], Budget = 1, Search = SearchStrategy.Random, Seed = 7 };
            var outputs = new TrainOutputs(At($"model-{trainer}.zip"), At($"trials-{trainer}.csv"));
            results.Add(StageMeter.Measure($"train ({trainer})", features!.TrainRows, () => ModelTrainer.Run(paths.TrainCsv, paths.FeaturizerZip, train, outputs)));
        }

        EvaluationResult? evaluation = null;
        results.Add(StageMeter.Measure($"evaluate ({options.Trainers[0]})", features!.TestRows, () => evaluation = Evaluator.Run(new EvaluationOptions
        {
            Task = MlTask.Binary,
            ModelPath = At($"model-{options.Trainers[0]}.zip"),
            HoldoutPath = paths.TestCsv,
            MetricsPath = At("metrics.json"),
            ReportsDirectory = At("reports"),
            SliceColumn = "device",
            LabelColumn = SyntheticSnapshot.Label,
            Bootstrap = 500,
        })));

        Print(options, results, read.Seconds, report, features, evaluation!);
        return 0;
    }

    /// <summary>The baseline: one streamed read of every field of <paramref name="path"/>.</summary>
    internal static void ReadAll(string path)
    {
        using var reader = new CsvSnapshotReader(path);
        long fields = 0;
        while (reader.ReadRow() is { } row) fields += row.Length;
        if (fields == 0) throw new InvalidDataException($"{path} has no rows.");
    }

    private static void Print(BenchOptions options, List<StageMeasurement> results, double readSeconds, ValidationReport report, FeaturizeResult features, EvaluationResult evaluation)
    {
        var size = new FileInfo(options.SnapshotPath).Length;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot {options.SnapshotPath}: {options.Rows:N0} rows, {size / (1024.0 * 1024.0):N1} MiB ({size:N0} bytes); validated {report.ValidatedRows:N0}, quarantined {report.QuarantinedRows:N0}; train {features.TrainRows:N0}, test {features.TestRows:N0}, feature width {features.FeatureCount}; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        if (File.Exists("/proc/loadavg")) Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(string.Join(", ", evaluation.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}"))));
        Console.WriteLine();
        Console.WriteLine(StageMeasurement.TableHeader);
        foreach (var result in results) Console.WriteLine(result.Row(readSeconds));
    }
}
