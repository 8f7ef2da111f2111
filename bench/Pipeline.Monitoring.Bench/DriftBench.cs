using System.Diagnostics;
using System.Globalization;
using Pipeline.Monitoring.Drift;
using Pipeline.Monitoring.Statistics;

namespace Pipeline.Monitoring.Bench;

/// <summary>Times <see cref="DriftAnalyzer.Analyze"/> on two synthetic datasets against same-run baselines.</summary>
internal static class DriftBench
{
    /// <summary>Runs the benchmark and prints medians, ratios and the per-column results (for before/after equality).</summary>
    public static int Run(DriftBenchOptions options)
    {
        Print($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
        var watch = Stopwatch.StartNew();
        var (reference, current) = SyntheticDrift.Create(options.Rows, options.Seed);
        Print($"generated 2 x {options.Rows:N0} rows ({SyntheticDrift.NumericColumns} numeric + {SyntheticDrift.CategoricalColumns} categorical) in {watch.Elapsed.TotalSeconds:F2} s");

        var x = Sample(options.Rows, new Random(options.Seed + 7), 0.0);
        var y = Sample(options.Rows, new Random(options.Seed + 8), 0.01);
        var sort = Median(options.Runs, () => Array.Sort((double[])x.Clone()));
        var ks = Median(options.Runs, () => KolmogorovSmirnov.TwoSample(x, y));
        Print($"baseline Array.Sort(1M doubles, copy included): median {Ms(sort)} ms");
        Print($"baseline KolmogorovSmirnov.TwoSample(1M, 1M):      median {Ms(ks)} ms");

        var analyzer = new DriftAnalyzer(new DriftOptions { ForcedMethod = options.Method });
        DriftReport? report = null;
        var (gen2, pause, allocated) = (GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var analyze = Median(options.Runs, () => report = analyzer.Analyze(reference, current));
        var label = options.Method?.WireName() ?? "default";
        Print($"DriftAnalyzer.Analyze (method {label}): median {Ms(analyze)} ms = {analyze / sort:F1} x sort, {analyze / ks:F1} x one KS test");
        var calls = options.Runs + 1;
        Print($"  per call: {(GC.GetTotalAllocatedBytes() - allocated) / calls / 1e6:F0} MB allocated, " +
              $"{(GC.CollectionCount(2) - gen2) / (double)calls:F1} gen2 GCs, {Ms((GC.GetTotalPauseDuration() - pause).TotalSeconds / calls)} ms GC pause");
        Print($"load average after: {LoadAverage()}");
        foreach (var column in report!.Columns)
        {
            Print($"  {column.Name} {column.Method.WireName()} stat={R(column.Statistic)} p={R(column.PValue)} drift={column.Drift}");
        }

        Print($"dataset drift {report.DatasetDrift}, share {R(report.DriftShare)}");
        if (options.PerColumn) PerColumn(analyzer, reference, current, options.Runs);
        return 0;
    }

    private static void PerColumn(DriftAnalyzer analyzer, DriftDataset reference, DriftDataset current, int runs)
    {
        foreach (var column in reference.Columns)
        {
            var one = new DriftDataset([column]);
            var seconds = Median(runs, () => analyzer.Analyze(one, current));
            Print($"  alone: {column.Name} {Ms(seconds)} ms");
        }
    }

    private static double Median(int runs, Action action)
    {
        action();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    }

    private static double[] Sample(int rows, Random random, double shift)
    {
        var values = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            values[i] = shift + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        }

        return values;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Ms(double seconds) => (seconds * 1000).ToString("F0", CultureInfo.InvariantCulture);

    private static string R(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "-";

    private static void Print(string line) => Console.WriteLine(line);
}
