using System.Globalization;
using System.Text;
using Microsoft.ML;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Serving.Bench;

/// <summary>
/// The reference model of the serving tests: a binary fraud classifier (amount, hour, country; L-BFGS logistic
/// regression behind imputation and one-hot encoding) trained on a seeded 300-row snapshot, registered as v0.0.1 and
/// promoted to production.
/// </summary>
internal static class ReferenceModel
{
    /// <summary>The model's registry name.</summary>
    public const string Name = "fraud-detector";

    /// <summary>Trains and registers the model under <paramref name="registryRoot"/> unless it already has a production version.</summary>
    public static void EnsureRegistered(string workDirectory, string registryRoot)
    {
        if (RegistryFolder.Production(registryRoot, Name) is not null)
        {
            return;
        }

        var schema = new DatasetSchema(
            [
                new ColumnSchema("id", ColumnKind.Text),
                new ColumnSchema("amount", ColumnKind.Numeric) { Nullable = true },
                new ColumnSchema("hour", ColumnKind.Numeric),
                new ColumnSchema("country", ColumnKind.Categorical) { Categories = ["de", "fr", "us"] },
                new ColumnSchema("is_fraud", ColumnKind.Boolean) { Categories = ["false", "true"] },
            ], "is_fraud", MlTask.Binary) { Key = "id", LabelClasses = ["false", "true"] };
        var work = Path.Combine(workDirectory, "train");
        Directory.CreateDirectory(work);
        var csv = Path.Combine(work, "train.csv");
        File.WriteAllText(csv, Snapshot(300));
        var schemaPath = Path.Combine(work, "schema.yaml");
        SchemaFile.Write(schemaPath, schema);

        var ml = new MLContext(3);
        var raw = SnapshotLoader.Load(ml, csv, schema);
        var featurizer = ml.Transforms.ReplaceMissingValues("amount_i", "amount")
            .Append(ml.Transforms.Categorical.OneHotEncoding("country_oh", "country"))
            .Append(ml.Transforms.Concatenate("Features", "amount_i", "hour", "country_oh"))
            .Append(ml.Transforms.Conversion.MapValue("Label", new[] { new KeyValuePair<string, bool>("false", false), new("true", true) }, "is_fraud"))
            .Fit(raw);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = 3, Search = SearchStrategy.Random, Trainers = ["lbfgs"], Parallel = 1 };
        var modelPath = Path.Combine(work, "model.zip");
        ModelTrainer.Run(raw, featurizer, options, new TrainOutputs(modelPath, Path.Combine(work, "trials.csv")));
        var files = new RegistryFiles(modelPath) { Schema = schemaPath, Extra = [ModelInfo.PathFor(modelPath)] };
        var version = RegistryFolder.Register(registryRoot, Name, files, new Lineage("0000000", new Dictionary<string, string>()), TimeProvider.System);
        RegistryFolder.Promote(registryRoot, Name, version);
    }

    private static string Snapshot(int rows)
    {
        var random = new Random(5);
        var text = new StringBuilder("id,amount,hour,country,is_fraud\n");
        string[] countries = ["de", "fr", "us"];
        for (var i = 0; i < rows; i++)
        {
            var amount = random.NextDouble() * 200;
            var hour = random.Next(24);
            var country = random.Next(3);
            var fraud = (amount / 100) + (hour < 5 ? 1 : 0) + (country == 2 ? 0.5 : 0) + random.NextDouble() > 2;
            var amountText = i % 41 == 0 ? "" : amount.ToString("0.##", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"t{i},{amountText},{hour},{countries[country]},{(fraud ? "true" : "false")}\n");
        }

        return text.ToString();
    }
}
