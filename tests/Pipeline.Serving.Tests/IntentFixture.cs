using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Features;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Serving.Tests;

/// <summary>
/// The chatbot use case through the pipeline's own stages, once per test class: data/examples/intents.csv (text,label;
/// 30 intents) validated, featurized (word and character n-grams), trained, evaluated, gated with the reference
/// pipeline's gate section fitted to the multiclass task, and registered as production model <see cref="Model"/>.
/// </summary>
public sealed class IntentFixture : IDisposable
{
    public const string Model = "intents";

    public IntentFixture()
    {
        Root = Directory.CreateTempSubdirectory("serving-intents-").FullName;
        var work = Path.Combine(Root, "work");
        var intents = Path.Combine(SourceRoot(), "data", "examples", "intents.csv");
        var schema = Path.Combine(work, "schema.yaml");
        var validated = Path.Combine(work, "validated.csv");
        Validator.Run(new ValidationOptions
        {
            SnapshotPath = intents,
            SchemaPath = schema,
            ValidatedPath = validated,
            QuarantinePath = Path.Combine(work, "quarantine.csv"),
            ReportJsonPath = Path.Combine(work, "validation.json"),
            ReportTextPath = Path.Combine(work, "validation.txt"),
            Label = "label",
            Task = MlTask.Multiclass,
        });
        var paths = new FeaturizePaths
        {
            ValidatedCsv = validated,
            SchemaYaml = schema,
            TrainCsv = Path.Combine(work, "train.csv"),
            TestCsv = Path.Combine(work, "test.csv"),
            FeaturizerZip = Path.Combine(work, "featurizer.zip"),
            ProfileJson = Path.Combine(work, "profile.json"),
        };
        Featurizer.Run(paths, new FeaturizerOptions { Seed = 42 });
        var model = Path.Combine(work, "model.zip");
        var train = new TrainOptions { Task = MlTask.Multiclass, Budget = 4, Seed = 7, Trainers = ["sdca", "lbfgs"], Parallel = 1 };
        ModelTrainer.Run(paths.TrainCsv, paths.FeaturizerZip, train, new TrainOutputs(model, Path.Combine(work, "trials.csv")));
        MetricsPath = Path.Combine(work, "metrics.json");
        Evaluator.Run(new EvaluationOptions { Task = MlTask.Multiclass, ModelPath = model, HoldoutPath = paths.TestCsv, MetricsPath = MetricsPath, LabelColumn = "label", Bootstrap = 50 });
        Gate = DeployGate.Check(MetricsPath, GateOptions.FromParams(new Dictionary<string, string> { ["min.auc"] = "0.85", ["max_regression.auc"] = "0.02" }).ForTask(MlTask.Multiclass));
        var registry = Path.Combine(Root, "models", "registry");
        var files = new RegistryFiles(model) { Schema = schema, Metrics = MetricsPath, Extra = [ModelInfo.PathFor(model)] };
        var version = RegistryFolder.Register(registry, Model, files, new Lineage("0000000", new Dictionary<string, string>()), TimeProvider.System);
        RegistryFolder.Promote(registry, Model, version);
    }

    public string Root { get; }

    public string MetricsPath { get; }

    /// <summary>The gate as Deploy runs it on this model.</summary>
    public GateResult Gate { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Pipeline.sln not found above the test assembly.");
    }
}
