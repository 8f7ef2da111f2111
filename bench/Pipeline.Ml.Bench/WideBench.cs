using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Bench;

/// <summary>
/// Featurize on wide tables (issue 17 item 7): for each column count, a seeded table of <see cref="BenchOptions.Rows"/>
/// rows, its schema inferred (timed, not part of the ratio), then one streamed read of the file (the baseline) and
/// <see cref="Featurizer.Run"/> with the pipeline's settings, measured in the same run.
/// </summary>
internal static class WideBench
{
    private const int Seed = 42;

    /// <summary>Runs every column count of <paramref name="options"/> and prints a markdown table.</summary>
    public static int Run(BenchOptions options)
    {
        var lines = new List<string>();
        foreach (var columns in options.WideColumns)
        {
            var run = Path.Combine(options.Directory, string.Create(CultureInfo.InvariantCulture, $"wide-{columns}x{options.Rows}"));
            Directory.CreateDirectory(run);
            string At(string name) => Path.Combine(run, name);
            var snapshot = At("validated.csv");
            if (!File.Exists(snapshot) || !options.SkipGenerate)
                StageMeter.Measure($"generate {columns}", options.Rows, () => WideSnapshot.Write(snapshot, columns, options.Rows, Seed));

            DatasetSchema? schema = null;
            var reuse = options.SkipInfer && File.Exists(At("schema.yaml"));
            var infer = StageMeter.Measure($"infer schema {columns}", options.Rows, () =>
                schema = reuse ? null : SchemaInference.Infer(snapshot, WideSnapshot.Label, MlTask.Binary, new InferenceOptions { Key = WideSnapshot.Key }));
            if (!reuse) StageMeter.Measure($"write schema {columns}", options.Rows, () => SchemaFile.Write(At("schema.yaml"), schema!));
            var read = StageMeter.Measure($"read {columns}", options.Rows, () => PipelineBench.ReadAll(snapshot));
            var paths = new FeaturizePaths
            {
                ValidatedCsv = snapshot,
                SchemaYaml = At("schema.yaml"),
                TrainCsv = At("train.csv"),
                TestCsv = At("test.csv"),
                FeaturizerZip = At("featurizer.zip"),
                ProfileJson = At("profile.json"),
            };
            FeaturizeResult? result = null;
            var featurizerOptions = new FeaturizerOptions { Imputation = ImputationStrategy.Median, Scaling = ScalingStrategy.ZScore, Outliers = options.Outliers, Seed = Seed };
            var threads = ThreadCpu.Start();
            var featurize = StageMeter.Measure($"featurize {columns}", options.Rows, () => result = Featurizer.Run(paths, featurizerOptions));
            Console.WriteLine(threads.Report());
            threads.Dispose();
            var size = new FileInfo(snapshot).Length / (1024.0 * 1024.0);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {columns:N0} | {options.Rows:N0} | {size:N1} | {read.Seconds:0.00} / {read.CpuSeconds:0.00} | {featurize.Seconds:0.00} / {featurize.CpuSeconds:0.00} | **{featurize.Seconds / read.Seconds:0.0}** / **{featurize.CpuSeconds / read.CpuSeconds:0.0}** | {infer.Seconds:0.00} / {infer.CpuSeconds:0.00} | {result!.FeatureCount:N0} | {featurize.PeakManagedHeap / (1024.0 * 1024.0):N0} |"));
        }
        Console.WriteLine();
        if (File.Exists("/proc/loadavg")) Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| columns | rows | MiB | read s, wall / CPU | featurize s, wall / CPU | featurize / read, wall / CPU | infer schema s, wall / CPU | feature width | featurize peak heap MiB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var line in lines) Console.WriteLine(line);
        return 0;
    }
}
