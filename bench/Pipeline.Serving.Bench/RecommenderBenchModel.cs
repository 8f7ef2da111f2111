using Pipeline.Ml.Gate;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The recommender the <c>--recommend N</c> scenario serves: a seeded synthetic ratings table over a catalogue of N
/// items (<see cref="SyntheticRatings"/>: 20 genres, users with 10–40 interactions), PureSVD searched with budget 1 by
/// the pipeline's own trainer (a factor model: every catalogue item is scored per request, as with ALS; PureSVD fits in
/// seconds where ALS over 10,000 items takes minutes on this machine), registered as v0.0.1 and promoted.
/// </summary>
internal static class RecommenderBenchModel
{
    /// <summary>The model's registry name.</summary>
    public const string Name = "recommender";

    /// <summary>Users in the table (user ids u1 … uN).</summary>
    public const int Users = 2000;

    /// <summary>Trains and registers the model under <paramref name="registryRoot"/> unless it already has a production version.</summary>
    public static void EnsureRegistered(string workDirectory, string registryRoot, int items)
    {
        if (RegistryFolder.Production(registryRoot, Name) is not null)
        {
            return;
        }

        var work = Path.Combine(workDirectory, "recommender");
        Directory.CreateDirectory(work);
        var csv = Path.Combine(work, "ratings.csv");
        File.WriteAllText(csv, SyntheticRatings.Csv(Users, items, groups: 20, seed: 11));
        var model = Path.Combine(work, "model.zip");
        var columns = new RecommendationColumns("user_id", "item_id", "rating", "timestamp");
        var result = RecommenderTrainer.Run(csv, columns, new RecommenderTrainOptions { Models = ["puresvd"], Budget = 1, Seed = 7 }, new TrainOutputs(model, Path.Combine(work, "trials.csv")));
        Console.Error.WriteLine($"recommender: {items} items, {Users} users; served model {result.Best.Config.Model} {result.Best.Config.ParamsText}");
        var version = RegistryFolder.Register(registryRoot, Name, new RegistryFiles(model) { Extra = [ModelInfo.PathFor(model)] }, new Lineage("0000000", new Dictionary<string, string>()), TimeProvider.System);
        RegistryFolder.Promote(registryRoot, Name, version);
    }
}
