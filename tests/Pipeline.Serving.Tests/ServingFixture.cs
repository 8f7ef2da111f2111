using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Engine.Primitives;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Serving.Tests;

/// <summary>
/// A temporary repository with a tiny binary model trained once per test run and registered twice (v0.0.1 promoted
/// to production, v0.0.2 trained with another seed), shaped like the pipeline's: raw input schema with label and key
/// columns, schema.yaml, model.json.
/// </summary>
public sealed class ServingFixture : IDisposable
{
    public const string Model = "fraud-detector";

    public ServingFixture()
    {
        Root = Directory.CreateTempSubdirectory("serving-").FullName;
        var schema = new DatasetSchema(
            [
                new ColumnSchema("id", ColumnKind.Text),
                new ColumnSchema("amount", ColumnKind.Numeric) { Nullable = true },
                new ColumnSchema("hour", ColumnKind.Numeric),
                new ColumnSchema("country", ColumnKind.Categorical) { Categories = ["de", "fr", "us"] },
                new ColumnSchema("is_fraud", ColumnKind.Boolean) { Categories = ["false", "true"] },
            ], "is_fraud", MlTask.Binary) { Key = "id", LabelClasses = ["false", "true"] };
        var work = Path.Combine(Root, "work");
        Directory.CreateDirectory(work);
        var csv = Path.Combine(work, "train.csv");
        WriteCsv(csv, 300);
        var schemaPath = Path.Combine(work, "schema.yaml");
        SchemaFile.Write(schemaPath, schema);
        Register(csv, schema, schemaPath, Path.Combine(work, "a"), seed: 3);
        Register(csv, schema, schemaPath, Path.Combine(work, "b"), seed: 11);
        RegistryFolder.Promote(RegistryRoot, Model, ModelVersion.First);
    }

    public string Root { get; }

    public string RegistryRoot => Path.Combine(Root, "models", "registry");

    public string VersionFolder(string version) => Path.Combine(RegistryRoot, Model, version);

    /// <summary>The model's own PredictionEngine answer (the reference) for a row.</summary>
    public static float ReferenceProbability(string versionFolder, float amount, float hour, string country)
    {
        var ml = new MLContext(0);
        var (model, _) = ModelZip.Load(ml, Path.Combine(versionFolder, "model.zip"));
        var engine = ml.Model.CreatePredictionEngine<FraudRow, ScoredRow>(model);
        return engine.Predict(new FraudRow { Id = "", Amount = amount, Hour = hour, Country = country, IsFraud = "" }).Probability;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Register(string csv, DatasetSchema schema, string schemaPath, string outDir, int seed)
    {
        Directory.CreateDirectory(outDir);
        var ml = new MLContext(seed);
        var raw = SnapshotLoader.Load(ml, csv, schema);
        var featurizer = ml.Transforms.ReplaceMissingValues("amount_i", "amount")
            .Append(ml.Transforms.Categorical.OneHotEncoding("country_oh", "country"))
            .Append(ml.Transforms.Concatenate("Features", "amount_i", "hour", "country_oh"))
            .Append(ml.Transforms.Conversion.MapValue("Label", new[] { new KeyValuePair<string, bool>("false", false), new("true", true) }, "is_fraud"))
            .Fit(raw);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = seed, Search = SearchStrategy.Random, Trainers = ["lbfgs"], Parallel = 1 };
        var modelPath = Path.Combine(outDir, "model.zip");
        ModelTrainer.Run(raw, featurizer, options, new TrainOutputs(modelPath, Path.Combine(outDir, "trials.csv")));
        var files = new RegistryFiles(modelPath) { Schema = schemaPath, Extra = [ModelInfo.PathFor(modelPath)] };
        RegistryFolder.Register(RegistryRoot, Model, files, new Lineage("0000000", new Dictionary<string, string>()), TimeProvider.System);
    }

    private static void WriteCsv(string path, int rows)
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

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The raw row class the reference PredictionEngine uses.</summary>
    public sealed class FraudRow
    {
        [ColumnName("id")] public string Id { get; set; } = "";
        [ColumnName("amount")] public float Amount { get; set; }
        [ColumnName("hour")] public float Hour { get; set; }
        [ColumnName("country")] public string Country { get; set; } = "";
        [ColumnName("is_fraud")] public string IsFraud { get; set; } = "";
    }

    /// <summary>The scored output the reference reads.</summary>
    public sealed class ScoredRow
    {
        public float Probability { get; set; }
    }
}
