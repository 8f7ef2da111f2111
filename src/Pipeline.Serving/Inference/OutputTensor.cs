using Pipeline.Ml.Data;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Inference;

/// <summary>One output tensor of an answer (values row-major: float, bool or string), shared by REST and gRPC.</summary>
internal sealed record OutputTensor(string Name, string Datatype, long[] Shape, Array Values)
{
    /// <summary>The output tensors of a result, per <see cref="TensorTypes.Outputs"/>.</summary>
    public static IReadOnlyList<OutputTensor> From(PredictionResult result)
    {
        var p = result.Predictions;
        var n = p.Length;
        switch (result.Model.Task)
        {
            case MlTask.Binary:
                return [new("probability", "FP32", [n], p.Select(x => x.Score).ToArray()), new("label", "BOOL", [n], p.Select(x => x.Label ?? false).ToArray())];
            case MlTask.Multiclass:
                var k = n == 0 ? result.Model.Classes.Count : p[0].Probabilities!.Length;
                return [new("class", "BYTES", [n], p.Select(x => x.Class ?? "").ToArray()), new("probabilities", "FP32", [n, k], p.SelectMany(x => x.Probabilities!).ToArray())];
            default:
                return [new("value", "FP32", [n], p.Select(x => x.Score).ToArray())];
        }
    }
}
