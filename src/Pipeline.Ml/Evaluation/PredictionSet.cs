namespace Pipeline.Ml.Evaluation;

/// <summary>
/// A model's predictions on a data set, in row order: <see cref="Labels"/> (binary 0/1, multiclass 0-based class
/// index, regression target), <see cref="Scores"/> (binary probability of the positive class, regression prediction)
/// and, for multiclass, <see cref="ClassProbabilities"/> (row-major, <see cref="ClassCount"/> per row).
/// </summary>
internal sealed record PredictionSet(double[] Labels, double[] Scores, float[] ClassProbabilities, int ClassCount)
{
    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The predicted class of a multiclass row (arg-max, lowest index on ties).</summary>
    public int PredictedClass(int row)
    {
        var best = 0;
        for (var k = 1; k < ClassCount; k++)
        {
            if (ClassProbabilities[(row * ClassCount) + k] > ClassProbabilities[(row * ClassCount) + best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>The rows selected by <paramref name="rows"/>, in that order.</summary>
    public PredictionSet Subset(IReadOnlyList<int> rows)
    {
        var width = ClassProbabilities.Length == 0 ? 0 : ClassCount;
        var probabilities = new float[rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Copy(ClassProbabilities, rows[i] * width, probabilities, i * width, width);
        }

        return new PredictionSet(rows.Select(r => Labels[r]).ToArray(), rows.Select(r => Scores[r]).ToArray(), probabilities, ClassCount);
    }
}
