using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Serving.Tests;

/// <summary>
/// Issue 12: a recommender through the pipeline's own stages, once per test class: a seeded synthetic ratings table
/// split per user, the recommender search (all models; the genre column offers the lambdarank re-ranker, which it picks), the ranking evaluation, registered as
/// production model <see cref="Model"/>. The table carries an item side column, <c>genre</c> (<see cref="Genre"/>), and
/// a column that varies within an item, <c>mood</c>, which the model must not take for an item column.
/// </summary>
public sealed class RecommenderFixture : IDisposable
{
    public const string Model = "recommender";

    public static readonly RecommendationColumns Columns = new("user_id", "item_id", "rating", "timestamp");

    public RecommenderFixture()
    {
        Root = Directory.CreateTempSubdirectory("serving-recommender-").FullName;
        var work = Path.Combine(Root, "work");
        Directory.CreateDirectory(work);
        var ratings = Path.Combine(work, "ratings.csv");
        var lines = SyntheticRatings.Csv(users: 120, items: 100, groups: 5, seed: 3).TrimEnd('\n').Split('\n');
        File.WriteAllLines(ratings, [lines[0] + ",genre,mood", .. lines.Skip(1).Select((l, n) => $"{l},{Genre(l.Split(',')[1])},m{n % 2}")]);
        var table = InteractionTable.Read(ratings, Columns);
        Split = UserSplit.Split(table.Interactions, seed: 42);
        var train = Path.Combine(work, "train.csv");
        using (var writer = new Pipeline.Formats.Csv.CsvSnapshotWriter(train, table.Header))
        {
            foreach (var x in Split.Train) writer.WriteRow(table.Rows[x.Row]);
            writer.Complete();
        }

        var model = Path.Combine(work, "model.zip");
        RecommenderTrainer.Run(train, Columns, new RecommenderTrainOptions { Budget = 2, Seed = 7 }, new TrainOutputs(model, Path.Combine(work, "trials.csv")));
        Recommender = RecommenderModel.Load(model);
        var registry = Path.Combine(Root, "models", "registry");
        var version = RegistryFolder.Register(registry, Model, new RegistryFiles(model) { Extra = [ModelInfo.PathFor(model)] }, new Lineage("0000000", new Dictionary<string, string>()), TimeProvider.System);
        RegistryFolder.Promote(registry, Model, version);
    }

    /// <summary>The genre of an item of the synthetic table (item i{n} is in genre (n - 1) mod 5).</summary>
    public static string Genre(string item) => $"g{(int.Parse(item[1..], System.Globalization.CultureInfo.InvariantCulture) - 1) % 5}";

    public string Root { get; }

    public SplitResult Split { get; }

    /// <summary>The registered model, loaded in the test process.</summary>
    public RecommenderModel Recommender { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
