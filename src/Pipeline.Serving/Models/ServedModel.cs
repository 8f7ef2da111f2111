using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Data;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Recommendation;

namespace Pipeline.Serving.Models;

/// <summary>
/// A loaded model version answering as one variant (e.g. "stable", "blue", "canary"): its features, task, decision
/// threshold and a pool of <see cref="ScoringEngine"/>s, so any number of threads can predict at once. Immutable
/// apart from the pool; a swap replaces the whole object.
/// </summary>
internal sealed class ServedModel
{
    private readonly ObjectPool<ScoringEngine> engines;

    private ServedModel(ServedModel other, string variant)
    {
        (Name, Version, VersionText, Task, Threshold, Features, Classes, Folder, engines, Labels, Recommender) =
            (other.Name, other.Version, other.VersionText, other.Task, other.Threshold, other.Features, other.Classes, other.Folder, other.engines, other.Labels, other.Recommender);
        Variant = variant;
    }

    /// <summary>A recommender (data.task: recommendation): answers <c>:recommend</c>, not rows of features.</summary>
    public ServedModel(string name, ModelVersion version, string variant, RecommenderModel recommender, string folder)
    {
        (Name, Version, Variant, Task, Threshold, Folder, Recommender) = (name, version, variant, MlTask.Recommendation, double.NaN, folder, recommender);
        VersionText = version.ToString();
        Features = FeatureSchema.None;
        Classes = [];
        Labels = new LabelSpace(name, version, MlTask.Recommendation, []);
        engines = new DefaultObjectPool<ScoringEngine>(new EnginePolicy(() => throw RequestRejectedException.Invalid(
            $"{name} {version} is a recommender: ask POST /v1/models/{name}:recommend with {{\"user_id\": …, \"k\": 10}}, not for predictions on feature rows.")));
    }

    /// <summary>The recommender, for a recommendation model; null otherwise.</summary>
    public RecommenderModel? Recommender { get; }

    public ServedModel(string name, ModelVersion version, string variant, MlTask task, double threshold, FeatureSchema features, IReadOnlyList<string> classes, string folder, ITransformer model, IReadOnlyList<string>? labelClasses = null)
    {
        (Name, Version, Variant, Task, Threshold, Features, Classes, Folder) = (name, version, variant, task, threshold, features, classes, folder);
        VersionText = version.ToString();
        Labels = new LabelSpace(name, version, task, [.. classes, .. labelClasses ?? []]);
        var policy = new EnginePolicy(() => new ScoringEngine(model, features, task, threshold, classes));
        engines = new DefaultObjectPool<ScoringEngine>(policy, Math.Max(4, Environment.ProcessorCount * 4));
    }

    public string Name { get; }

    public ModelVersion Version { get; }

    /// <summary><see cref="Version"/> as text (as logged and reported).</summary>
    public string VersionText { get; }

    /// <summary>The variant name reported with every answer.</summary>
    public string Variant { get; }

    public MlTask Task { get; }

    /// <summary>Binary decision threshold on the probability (from model.json; 0.5 without one).</summary>
    public double Threshold { get; }

    public FeatureSchema Features { get; }

    /// <summary>Multiclass class names in score order (empty otherwise).</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The labels feedback for this model may carry (its classes, or numbers for regression).</summary>
    public LabelSpace Labels { get; }

    /// <summary>The registry folder the model was loaded from.</summary>
    public string Folder { get; }

    /// <summary>The same loaded model answering under another variant name (shares the engines).</summary>
    public ServedModel As(string variant) => new(this, variant);

    /// <summary>Scores validated rows (values in <see cref="Features"/> order); thread-safe.</summary>
    public Prediction[] Predict(IReadOnlyList<object?[]> rows)
    {
        var engine = engines.Get();
        try
        {
            var predictions = new Prediction[rows.Count];
            for (var i = 0; i < rows.Count; i++)
            {
                predictions[i] = engine.Score(rows[i]);
            }

            return predictions;
        }
        finally
        {
            engines.Return(engine);
        }
    }

    /// <summary>Creates engines on demand; every returned engine is kept (they hold no per-request state).</summary>
    private sealed class EnginePolicy(Func<ScoringEngine> create) : IPooledObjectPolicy<ScoringEngine>
    {
        public ScoringEngine Create() => create();

        public bool Return(ScoringEngine obj) => true;
    }
}
