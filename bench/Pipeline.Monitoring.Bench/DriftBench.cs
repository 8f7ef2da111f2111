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
        var analyzer = new DriftAnalyzer(new DriftOptions { ForcedMethod = options.Method });
        DriftReport? report = null;
        Action sort = () => Array.Sort((double[])x.Clone());
        Action ks = () => KolmogorovSmirnov.TwoSample(x, y);
        Action analyze = () => report = analyzer.Analyze(reference, current);
        sort();
        ks();
        analyze();

        // NOTE: each round times the baselines right next to Analyze, so a load spike from other jobs hits both sides
        // of a ratio; the medians of the per-round ratios are the figures to compare across runs.
        var (gen2, pause, allocated) = (GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var rounds = new (double Sort, double Ks, double Analyze, double Cpu)[options.Runs];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < options.Runs; i++)
        {
            var (s, k) = (Time(sort), Time(ks));
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var a = Time(analyze);
            process.Refresh();
            rounds[i] = (s, k, a, (process.TotalProcessorTime - cpu).TotalSeconds);
        }

        var label = options.Method?.WireName() ?? "default";
        Print($"baseline Array.Sort(1M doubles, copy included): median {Ms(Median(rounds.Select(r => r.Sort)))} ms");
        Print($"baseline KolmogorovSmirnov.TwoSample(1M, 1M):      median {Ms(Median(rounds.Select(r => r.Ks)))} ms");
        Print($"DriftAnalyzer.Analyze (method {label}): median {Ms(Median(rounds.Select(r => r.Analyze)))} ms wall, " +
              $"{Ms(Median(rounds.Select(r => r.Cpu)))} ms CPU (all threads); per-round ratios (median): " +
              $"{Median(rounds.Select(r => r.Analyze / r.Sort)):F1} x sort, {Median(rounds.Select(r => r.Analyze / r.Ks)):F1} x one KS test");
        Print($"  rounds (analyze ms): {string.Join(' ', rounds.Select(r => Ms(r.Analyze)))}");
        Print($"  per call: {(GC.GetTotalAllocatedBytes() - allocated) / options.Runs / 1e6:F0} MB allocated, " +
              $"{(GC.CollectionCount(2) - gen2) / (double)options.Runs:F1} gen2 GCs, " +
              $"{Ms((GC.GetTotalPauseDuration() - pause).TotalSeconds / options.Runs)} ms GC pause");
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
            analyzer.Analyze(one, current);
            var seconds = Median(Enumerable.Range(0, runs).Select(_ => Time(() => analyzer.Analyze(one, current))));
            Print($"  alone: {column.Name} {Ms(seconds)} ms");
        }
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
