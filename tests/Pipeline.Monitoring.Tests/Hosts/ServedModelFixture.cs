using System.Globalization;
using System.Text;
using Microsoft.ML;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Monitoring.Tests.Hosts;

/// <summary>
/// A temporary repository with a tiny binary model (amount, hour, country → is_fraud) trained once and promoted as
/// v0.0.1, so a real serving host can be started on it (as tests/Pipeline.Serving.Tests does).
/// </summary>
public sealed class ServedModelFixture : IDisposable
{
    /// <summary>The registered model's name.</summary>
    public const string Model = "fraud-detector";

    /// <summary>Trains and registers the model.</summary>
    public ServedModelFixture()
    {
        Root = Directory.CreateTempSubdirectory("monitoring-host-").FullName;
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
        WriteCsv(csv, 200);
        var schemaPath = Path.Combine(work, "schema.yaml");
        SchemaFile.Write(schemaPath, schema);
        Register(csv, schema, schemaPath, Path.Combine(work, "a"));
        RegistryFolder.Promote(RegistryRoot, Model, ModelVersion.First);
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }

    private string RegistryRoot => Path.Combine(Root, "models", "registry");

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Register(string csv, DatasetSchema schema, string schemaPath, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var ml = new MLContext(3);
        var raw = SnapshotLoader.Load(ml, csv, schema);
        var featurizer = ml.Transforms.ReplaceMissingValues("amount_i", "amount")
            .Append(ml.Transforms.Categorical.OneHotEncoding("country_oh", "country"))
            .Append(ml.Transforms.Concatenate("Features", "amount_i", "hour", "country_oh"))
            .Append(ml.Transforms.Conversion.MapValue("Label", new[] { new KeyValuePair<string, bool>("false", false), new("true", true) }, "is_fraud"))
            .Fit(raw);
        var options = new TrainOptions { Task = MlTask.Binary, Budget = 1, Seed = 3, Search = SearchStrategy.Random, Trainers = ["lbfgs"], Parallel = 1 };
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
            text.Append(CultureInfo.InvariantCulture, $"t{i},{amount:0.##},{hour},{countries[country]},{(fraud ? "true" : "false")}\n");
        }

        File.WriteAllText(path, text.ToString());
    }
}
