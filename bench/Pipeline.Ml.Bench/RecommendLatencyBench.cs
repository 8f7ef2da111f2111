using System.Diagnostics;
using System.Globalization;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Bench;

/// <summary>
/// <c>recommend-latency [--items N] [--users N] [--models a,b] [--rounds R] [--dir PATH] [--side]</c>: the in-process cost of one
/// <see cref="RecommenderModel.Recommend"/> call (k = 10, every known user in turn, one thread) per model kind over a
/// seeded synthetic catalogue of N items (<see cref="SyntheticRatings"/>), with p50/p99/mean µs and bytes allocated per
/// call. EASE is fitted on at most <see cref="EaseItems"/> items (its item × item matrix is what the search allows).
/// Models are trained once (budget 1) and kept in --dir, so a build of another revision times the same model files.
/// <c>a+b</c> searches a and b together (<c>puresvd+lambdarank</c>: the re-ranker on PureSVD; the line names the model
/// the search chose); <c>--side</c> gives the table an item side column, <c>genre</c>, which the re-ranker needs.
/// </summary>
internal static class RecommendLatencyBench
{
    /// <summary>EASE's catalogue: the search fits EASE only up to 2,500 items.</summary>
    public const int EaseItems = 2500;

    public static int Run(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var items = int.Parse(Arg("--items") ?? "10000", CultureInfo.InvariantCulture);
        var users = int.Parse(Arg("--users") ?? "2000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arg("--rounds") ?? "3", CultureInfo.InvariantCulture);
        var dir = Arg("--dir") ?? "/tmp/pipeline-recommend-latency";
        var models = (Arg("--models") ?? "popularity,puresvd,itemknn,ease").Split(',');
        var side = args.Contains("--side") ? "-side" : "";
        Directory.CreateDirectory(dir);
        var columns = new RecommendationColumns("user_id", "item_id", "rating", "timestamp");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}; k = 10, {users} users, {rounds} rounds");
        Console.WriteLine("model       items   calls   p50 µs   p99 µs  mean µs  bytes/call");
        foreach (var kind in models)
        {
            var n = kind.StartsWith("ease", StringComparison.Ordinal) ? Math.Min(items, EaseItems) : items;
            var path = Path.Combine(dir, $"{kind}-{n}-{users}{side}.zip");
            if (!File.Exists(path))
            {
                var csv = Path.Combine(dir, $"ratings-{n}-{users}{side}.csv");
                if (!File.Exists(csv)) File.WriteAllText(csv, side.Length == 0 ? SyntheticRatings.Csv(users, n, groups: 20, seed: 11) : WithGenre(SyntheticRatings.Csv(users, n, groups: 20, seed: 11), 20));
                RecommenderTrainer.Run(csv, columns, new RecommenderTrainOptions { Models = kind.Split('+'), Budget = 1, Seed = 7 }, new TrainOutputs(path, Path.Combine(dir, $"{kind}-{n}{side}-trials.csv")));
            }

            var model = RecommenderModel.Load(path);
            var names = model.Users;
            for (var u = 0; u < Math.Min(200, names.Count); u++) model.Recommend(names[u], 10);
            var times = new List<double>(names.Count * rounds);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var r = 0; r < rounds; r++)
            {
                foreach (var user in names)
                {
                    var start = Stopwatch.GetTimestamp();
                    model.Recommend(user, 10);
                    times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            times.Sort();
            double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{model.Kind,-10} {n,6} {times.Count,7} {P(0.5),8:0.0} {P(0.99),8:0.0} {times.Average(),8:0.0} {allocated / times.Count,11:0}"));
        }

        return 0;
    }

    /// <summary>The table with each item's genre (item i{n} is in genre (n - 1) mod <paramref name="groups"/>, as <see cref="SyntheticRatings"/> draws them).</summary>
    private static string WithGenre(string csv, int groups)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        return string.Join('\n', [lines[0] + ",genre", .. lines.Skip(1).Select(l => $"{l},g{(int.Parse(l.Split(',')[1][1..], CultureInfo.InvariantCulture) - 1) % groups}")]) + "\n";
    }
}
