using Pipeline.Ml.Data;
using Pipeline.Serving.Models;

namespace Pipeline.Serving.Inference;

/// <summary>Open Inference Protocol datatypes: which a feature accepts, and the output tensors per task.</summary>
internal static class TensorTypes
{
    private static readonly string[] Integers = ["INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64"];

    /// <summary>Refuses a tensor whose datatype cannot feed <paramref name="column"/>, naming both.</summary>
    public static void Check(FeatureColumn column, string datatype, string where)
    {
        var ok = column.Type switch
        {
            FeatureType.Single or FeatureType.Double => datatype is "FP16" or "FP32" or "FP64" || Integers.Contains(datatype),
            FeatureType.Int32 or FeatureType.Int64 => Integers.Contains(datatype),
            FeatureType.Boolean => datatype == "BOOL",
            _ => datatype == "BYTES",
        };
        if (!ok)
        {
            throw RequestRejectedException.Invalid($"{where}: datatype '{datatype}' cannot feed feature '{column.Name}', which takes {column.Datatype}.");
        }
    }

    /// <summary>The output tensors' names, datatypes and shapes (-1 = batch) a model of <paramref name="task"/> answers with.</summary>
    public static IReadOnlyList<(string Name, string Datatype, long[] Shape)> Outputs(MlTask task, int classes) => task switch
    {
        MlTask.Binary => [("probability", "FP32", [-1]), ("label", "BOOL", [-1])],
        MlTask.Multiclass => [("class", "BYTES", [-1]), ("probabilities", "FP32", [-1, classes])],
        _ => [("value", "FP32", [-1])],
    };
}
