using System.Globalization;
using System.Text.Json;
using Pipeline.Formats.Csv;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Bench;

/// <summary>
/// <c>recommend [--csv FILE] [--write-example FILE] [--budget N] [--models a,b] [--user C --item C --rating C --time C|none] [--keep DIR]</c>: each
/// recommendation model searched alone (popularity, ALS, item-kNN, PureSVD; <c>a+b</c>: a and b in one search, e.g.
/// <c>ease+lambdarank</c>, the re-ranker on its base) on the same per-user split, then the
/// pipeline's own search over all of them (row <c>search</c>), test metrics side by side (quality, not time). Without
/// --csv the seeded example table (data/examples/ratings.csv's generator); --write-example writes that table; --keep
/// leaves the split, the model files (<c>MODEL.zip</c>) and trials in DIR instead of a deleted temporary folder.
/// </summary>
internal static class RecommendationBench
{
    public const int ExampleUsers = 300;
    public const int ExampleItems = 200;
    public const int ExampleGroups = 8;
    public const int ExampleSeed = 12;

    public static int Run(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var keep = Arg("--keep");
        var work = keep ?? Directory.CreateTempSubdirectory("reco-bench-").FullName;
        Directory.CreateDirectory(work);
        try
        {
            var example = SyntheticRatings.Csv(ExampleUsers, ExampleItems, ExampleGroups, ExampleSeed);
            if (Arg("--write-example") is { } target) File.WriteAllText(target, example);
            var csv = Arg("--csv") ?? Path.Combine(work, "ratings.csv");
            if (Arg("--csv") is null) File.WriteAllText(csv, example);
            var budget = int.Parse(Arg("--budget") ?? "8", CultureInfo.InvariantCulture);
            var columns = new RecommendationColumns(Arg("--user") ?? "user_id", Arg("--item") ?? "item_id", Arg("--rating") ?? "rating", Arg("--time") is { } time ? (time is "" or "none" ? null : time) : "timestamp");
            var table = InteractionTable.Read(csv, columns);
            var split = UserSplit.Split(table.Interactions, seed: 42);
            var train = Write(Path.Combine(work, "train.csv"), table, split.Train);
            var test = Write(Path.Combine(work, "test.csv"), table, split.Test);
            Console.WriteLine($"{csv}: {table.Interactions.Count} interactions, train {split.Train.Count}, test {split.Test.Count}; {string.Join(" ", split.Notes())}");
            Console.WriteLine("model       validation_ndcg@10  test_ndcg@10  hit@10  recall@10  precision@10  map@10  coverage  best params");
            var models = Arg("--models") is { } listed ? listed.Split(',') : [.. RecommenderCatalog.Models, "search"];
            foreach (var model in models)
            {
                var outputs = new TrainOutputs(Path.Combine(work, $"{model}.zip"), Path.Combine(work, $"{model}-trials.csv"));
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var result = RecommenderTrainer.Run(train, columns, new RecommenderTrainOptions { Models = model == "search" ? RecommenderCatalog.Models : model.Split('+'), Budget = budget, Seed = 7 }, outputs);
                var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
                var metrics = Path.Combine(work, $"{model}-metrics.json");
                RecommendationEvaluator.Run(new RecommendationEvaluatorOptions(outputs.ModelPath, test, columns, metrics));
                using var json = JsonDocument.Parse(File.ReadAllText(metrics));
                double M(string k) => json.RootElement.GetProperty(k).GetDouble();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{model,-11} {result.Best.Scores.Ndcg,18:0.0000}  {M("ndcg_at_10"),12:0.0000}  {M("hit_rate_at_10"),6:0.000}  {M("recall_at_10"),9:0.0000}  {M("precision_at_10"),12:0.0000}  {M("map_at_10"),6:0.0000}  {M("coverage"),8:0.000}  {result.Best.Config.Model} {result.Best.Config.ParamsText} ({seconds:0} s)"));
            }

            return 0;
        }
        finally
        {
            if (keep is null) Directory.Delete(work, recursive: true);
        }
    }

    private static string Write(string path, InteractionTable table, IReadOnlyList<Interaction> rows)
    {
        using var writer = new CsvSnapshotWriter(path, table.Header);
        foreach (var x in rows) writer.WriteRow(table.Rows[x.Row]);
        writer.Complete();
        return path;
    }
}
