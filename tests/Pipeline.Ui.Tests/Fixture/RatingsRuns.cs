using Pipeline.Formats.Csv;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Ui.Tests.Fixture;

/// <summary>
/// A small seeded ratings table split per user into train.csv and test.csv under a folder (what
/// Featurize leaves for a recommender), and Train and Evaluate on it through Pipeline.Ml's own stages: what a
/// recommendation run writes, metrics.json and reports/evaluation (metric_at_k.csv, popularity_bias.csv, …).
/// </summary>
internal sealed class RatingsRuns
{
    public static readonly RecommendationColumns Columns = new("user_id", "item_id", "rating", "timestamp");

    private readonly string folder;

    public RatingsRuns(string folder)
    {
        this.folder = folder;
        Directory.CreateDirectory(folder);
        var ratings = Path.Combine(folder, "ratings.csv");
        File.WriteAllText(ratings, SyntheticRatings.Csv(users: 80, items: 60, groups: 4, seed: 5));
        var table = InteractionTable.Read(ratings, Columns);
        var split = UserSplit.Split(table.Interactions, seed: 42);
        foreach (var (path, part) in new[] { (TrainCsv, split.Train), (TestCsv, split.Test) })
        {
            using var writer = new CsvSnapshotWriter(path, table.Header);
            foreach (var x in part) writer.WriteRow(table.Rows[x.Row]);
            writer.Complete();
        }
    }

    public string TrainCsv => Path.Combine(folder, "train.csv");

    public string TestCsv => Path.Combine(folder, "test.csv");

    /// <summary>Trains the run <paramref name="name"/> (its model and trials.csv in a folder of that name).</summary>
    public RecommenderTrainResult Train(string name, RecommenderTrainOptions options, IProgress<RecommenderSearchStatus>? progress = null)
    {
        var model = ModelOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(model)!);
        return RecommenderTrainer.Run(TrainCsv, Columns, options, new TrainOutputs(model, Path.Combine(folder, name, "trials.csv")), progress);
    }

    /// <summary>Trains and evaluates the run <paramref name="name"/>, its metrics.json and evaluation reports where given.</summary>
    public void TrainAndEvaluate(string name, RecommenderTrainOptions options, string metricsJson, string reports)
    {
        Train(name, options);
        Directory.CreateDirectory(Path.GetDirectoryName(metricsJson)!);
        RecommendationEvaluator.Run(new RecommendationEvaluatorOptions(ModelOf(name), TestCsv, Columns, metricsJson) { ReportsDirectory = reports, Bootstrap = 50 });
    }

    private string ModelOf(string name) => Path.Combine(folder, name, "model.zip");
}
