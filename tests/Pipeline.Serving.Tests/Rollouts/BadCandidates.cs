using Microsoft.ML;
using Pipeline.Engine.Primitives;
using Pipeline.Ml.Data;
using Pipeline.Ml.Features;
using Pipeline.Ml.Gate;
using Pipeline.Ml.Training;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Tests.Rollouts;

/// <summary>Bad canaries built from a registered model: one whose probabilities are inverted, one that always throws.</summary>
internal static class BadCandidates
{
    public static ServedModel Inverted(ServingFixture fixture, ServedModel live) => Build(fixture, live, (i, o) => o.Probability = 1 - i.Probability);

    public static ServedModel Failing(ServingFixture fixture, ServedModel live) => Build(fixture, live, (_, _) => throw new InvalidOperationException("broken canary"));

    private static ServedModel Build(ServingFixture fixture, ServedModel live, Action<ScoreColumn, ScoreColumn> map)
    {
        var folder = fixture.VersionFolder("v0.0.2");
        var ml = new MLContext(1);
        var (model, _) = ModelZip.Load(ml, Path.Combine(folder, "model.zip"));
        var data = ml.Data.LoadFromEnumerable([new ServingFixture.FraudRow { Id = "x", Amount = 1, Hour = 1, Country = "de", IsFraud = "false" }]);
        var mapping = ml.Transforms.CustomMapping(map, contractName: null).Fit(model.Transform(data));
        return new ServedModel(ServingFixture.Model, ModelVersion.Parse("v0.0.2"), "canary", MlTask.Binary, 0.5, live.Features, [], folder, model.Append(mapping));
    }

    /// <summary>The probability column the mapping replaces.</summary>
    public sealed class ScoreColumn
    {
        public float Probability { get; set; }
    }
}
