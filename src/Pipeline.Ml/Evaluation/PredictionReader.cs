using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Evaluation;

/// <summary>Reads the label and score columns of a scored data view into a <see cref="PredictionSet"/>.</summary>
internal static class PredictionReader
{
    /// <summary>Reads <c>Label</c> and <c>Probability</c>/<c>Score</c> of every row, failing on a missing label.</summary>
    public static PredictionSet Read(IDataView scored, MlTask task) => task switch
    {
        MlTask.Binary => ReadBinary(scored),
        MlTask.Multiclass => ReadMulticlass(scored),
        _ => ReadRegression(scored),
    };

    private static PredictionSet ReadBinary(IDataView scored)
    {
        var probabilityName = scored.Schema.GetColumnOrNull("Probability") is null ? "Score" : "Probability";
        var label = Require(scored, "Label");
        var probability = Require(scored, probabilityName);
        var labels = new List<double>();
        var scores = new List<double>();
        using var cursor = scored.GetRowCursor([label, probability]);
        var labelGetter = cursor.GetGetter<bool>(label);
        var probabilityGetter = cursor.GetGetter<float>(probability);
        bool l = default;
        float p = default;
        while (cursor.MoveNext())
        {
            labelGetter(ref l);
            probabilityGetter(ref p);
            labels.Add(l ? 1 : 0);
            scores.Add(probabilityName == "Score" ? 1 / (1 + Math.Exp(-p)) : p);
        }

        return new PredictionSet([.. labels], [.. scores], [], 2);
    }

    private static PredictionSet ReadMulticlass(IDataView scored)
    {
        var label = Require(scored, "Label");
        var score = Require(scored, "Score");
        var classCount = label.Type is KeyDataViewType keyType ? (int)keyType.Count : throw new InvalidOperationException($"The multiclass Label column must be a key type, not {label.Type}.");
        var labels = new List<double>();
        var probabilities = new List<float>();
        using var cursor = scored.GetRowCursor([label, score]);
        var labelGetter = cursor.GetGetter<uint>(label);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(score);
        uint key = default;
        VBuffer<float> vector = default;
        while (cursor.MoveNext())
        {
            labelGetter(ref key);
            scoreGetter(ref vector);
            if (key == 0)
            {
                throw new InvalidDataException($"Row {cursor.Position + 1}: the label is missing or is a class unseen in training; validation should have quarantined it.");
            }

            labels.Add(key - 1);
            var dense = vector.DenseValues().ToArray();
            for (var k = 0; k < classCount; k++)
            {
                probabilities.Add(k < dense.Length ? dense[k] : 0f);
            }
        }

        return new PredictionSet([.. labels], new double[labels.Count], [.. probabilities], classCount);
    }

    private static PredictionSet ReadRegression(IDataView scored)
    {
        var label = Require(scored, "Label");
        var score = Require(scored, "Score");
        var labels = new List<double>();
        var scores = new List<double>();
        using var cursor = scored.GetRowCursor([label, score]);
        var labelGetter = cursor.GetGetter<float>(label);
        var scoreGetter = cursor.GetGetter<float>(score);
        float l = default;
        float s = default;
        while (cursor.MoveNext())
        {
            labelGetter(ref l);
            scoreGetter(ref s);
            if (float.IsNaN(l))
            {
                throw new InvalidDataException($"Row {cursor.Position + 1}: the regression label is missing; validation should have quarantined it.");
            }

            labels.Add(l);
            scores.Add(s);
        }

        return new PredictionSet([.. labels], [.. scores], [], 0);
    }

    private static DataViewSchema.Column Require(IDataView view, string name) =>
        view.Schema.GetColumnOrNull(name)
        ?? throw new InvalidOperationException($"The scored data has no '{name}' column. Columns: {string.Join(", ", view.Schema.Select(c => c.Name))}.");
}
