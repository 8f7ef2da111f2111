using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Recommendation;
using Pipeline.Ml.Training;
using Pipeline.Ml.Validation;

namespace Pipeline.Serving.Models;

/// <summary>
/// Loads a registered version folder (<c>models/registry/&lt;model&gt;/&lt;version&gt;/</c>): model.zip with its input
/// schema, model.json (task, threshold) and schema.yaml (label, key, nullability), then scores one all-missing row
/// so a broken model fails at load, not on the first request.
/// </summary>
internal static class ModelLoader
{
    /// <summary>The model file inside a version folder.</summary>
    public const string ModelFile = "model.zip";

    /// <summary>Loads <paramref name="folder"/> as <paramref name="name"/>, answering as <paramref name="variant"/>.</summary>
    public static ServedModel Load(string folder, string name, string variant)
    {
        var version = ModelVersion.Parse(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)));
        var modelPath = Path.Combine(folder, ModelFile);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"{modelPath} does not exist; a registered version folder holds model.zip. Re-register the model with ./build.sh Deploy.", modelPath);
        }

        if (RecommenderModel.IsRecommender(modelPath)) return new ServedModel(name, version, variant, RecommenderModel.Load(modelPath), folder);
        var ml = new MLContext(seed: 1);
        var (model, inputSchema) = ModelZip.Load(ml, modelPath);
        var info = ModelInfo.TryRead(Path.Combine(folder, "model.json"));
        var schemaPath = Path.Combine(folder, "schema.yaml");
        var dataset = File.Exists(schemaPath) ? SchemaFile.Read(schemaPath) : null;
        var output = model.GetOutputSchema(inputSchema);
        var task = info?.Task ?? dataset?.Task ?? TaskOf(output);
        var threshold = info is { Threshold: var t } && !double.IsNaN(t) ? t : 0.5;
        var served = new ServedModel(name, version, variant, task, threshold, FeatureSchema.From(inputSchema, dataset), ClassesOf(output), folder, model, dataset?.LabelClasses);
        served.Predict([served.Features.Columns.Select(c => c.CanBeMissing ? null : Default(c)).ToArray()]);
        return served;
    }

    private static object Default(FeatureColumn column) => column.Type switch
    {
        FeatureType.Int32 => 0,
        FeatureType.Int64 => 0L,
        _ => false,
    };

    private static MlTask TaskOf(DataViewSchema output) => output.GetColumnOrNull("PredictedLabel")?.Type switch
    {
        BooleanDataViewType => MlTask.Binary,
        KeyDataViewType => MlTask.Multiclass,
        _ => MlTask.Regression,
    };

    private static string[] ClassesOf(DataViewSchema output)
    {
        var score = output.GetColumnOrNull("Score");
        if (score is not { Type: VectorDataViewType } || !score.Value.HasSlotNames())
        {
            return [];
        }

        VBuffer<ReadOnlyMemory<char>> names = default;
        score.Value.GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}
