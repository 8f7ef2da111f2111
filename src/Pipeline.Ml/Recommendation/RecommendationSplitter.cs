using System.Text.Json;
using Pipeline.Formats.Csv;
using Pipeline.Formats.Json;
using Pipeline.Ml.Features;
using Pipeline.Ml.Profiles;
using Pipeline.Ml.Validation;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// The Featurize stage for recommendation: the per-user split (<see cref="UserSplit"/>) of the validated interactions
/// into the train and test CSVs (rows unchanged), the reference profile of the training rows, and a split report
/// (JSON) with the counts the split made: users, items, rows, single-interaction users, cold-start items, duplicates.
/// There is no transform chain: the recommender reads the interactions themselves.
/// </summary>
public static class RecommendationSplitter
{
    public static SplitResult Run(FeaturizePaths paths, RecommendationColumns columns, int seed, string reportJson, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var table = InteractionTable.Read(paths.ValidatedCsv, columns, cancellation);
        var split = UserSplit.Split(table.Interactions, seed);
        Write(paths.TrainCsv, table, split.Train);
        Write(paths.TestCsv, table, split.Test);
        ProfileBuilder.Build(paths.TrainCsv, SchemaFile.Read(paths.SchemaYaml), cancellation).Save(paths.ProfileJson);
        JsonLayout.Write(reportJson, json => WriteReport(json, table, split));
        return split;
    }

    private static void Write(string path, InteractionTable table, IReadOnlyList<Interaction> rows)
    {
        using var writer = new CsvSnapshotWriter(path, table.Header);
        foreach (var x in rows) writer.WriteRow(table.Rows[x.Row]);
        writer.Complete();
    }

    private static void WriteReport(Utf8JsonWriter json, InteractionTable table, SplitResult split)
    {
        json.WriteStartObject();
        json.WriteNumber("rows", table.Interactions.Count);
        json.WriteNumber("users", table.Interactions.Select(x => x.User).Distinct(StringComparer.Ordinal).Count());
        json.WriteNumber("items", table.Interactions.Select(x => x.Item).Distinct(StringComparer.Ordinal).Count());
        json.WriteBoolean("explicit_ratings", table.IsExplicit);
        json.WriteNumber("train_rows", split.Train.Count);
        json.WriteNumber("test_rows", split.Test.Count);
        json.WriteNumber("single_interaction_users", split.SingleInteractionUsers);
        json.WriteNumber("cold_start_items", split.ColdStartItems);
        json.WriteNumber("cold_start_test_rows", split.ColdStartTestRows);
        json.WriteNumber("duplicate_interactions", split.DuplicateInteractions);
        json.WriteEndObject();
    }
}
