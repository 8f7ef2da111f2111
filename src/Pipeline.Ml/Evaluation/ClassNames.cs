using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>The class names of a scored view's label: false/true for binary, the key values for multiclass.</summary>
internal static class ClassNames
{
    /// <summary>Names in class-index order (1-based key values when the key has no value annotation).</summary>
    public static IReadOnlyList<string> Of(IDataView scored, MlTask task, int classCount)
    {
        if (task == MlTask.Binary)
        {
            return ["false", "true"];
        }

        var label = scored.Schema["Label"];
        if (label.HasKeyValues())
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            label.GetKeyValues(ref names);
            return names.DenseValues().Select(n => n.ToString()).ToList();
        }

        return Enumerable.Range(1, classCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }
}
