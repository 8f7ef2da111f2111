using Microsoft.ML.Trainers.FastTree;

namespace Pipeline.Ml.Recommendation;

/// <summary>
/// A boosted tree ensemble as ML.NET hands it over after training (<see cref="RegressionTreeEnsemble"/>), kept as plain
/// arrays so the recommender's model file holds it and a request evaluates it without ML.NET's data views: the sum of
/// each tree's leaf value times its weight, plus the bias. A node goes left when the feature is ≤ its threshold (both
/// single precision, as ML.NET compares them); a negative child is the complement of a leaf index. Numeric splits only.
/// </summary>
internal sealed class TreeEnsemble
{
    private readonly int[][] left;
    private readonly int[][] right;
    private readonly int[][] feature;
    private readonly float[][] threshold;
    private readonly double[][] leaves;
    private readonly double[] weights;
    private readonly double bias;

    private TreeEnsemble(int[][] left, int[][] right, int[][] feature, float[][] threshold, double[][] leaves, double[] weights, double bias) =>
        (this.left, this.right, this.feature, this.threshold, this.leaves, this.weights, this.bias) = (left, right, feature, threshold, leaves, weights, bias);

    /// <summary>The trees of <paramref name="ensemble"/>; a categorical split is an <see cref="InvalidOperationException"/> (the re-ranker's features are all numeric).</summary>
    public static TreeEnsemble From(RegressionTreeEnsemble ensemble)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        var trees = ensemble.Trees;
        if (trees.Any(t => t.CategoricalSplitFlags.Any(c => c))) throw new InvalidOperationException("The re-ranker's trees have a categorical split; its features are numeric.");
        return new TreeEnsemble(
            [.. trees.Select(t => t.LeftChild.ToArray())],
            [.. trees.Select(t => t.RightChild.ToArray())],
            [.. trees.Select(t => t.NumericalSplitFeatureIndexes.ToArray())],
            [.. trees.Select(t => t.NumericalSplitThresholds.ToArray())],
            [.. trees.Select(t => t.LeafValues.ToArray())],
            [.. ensemble.TreeWeights],
            ensemble.Bias);
    }

    /// <summary>The number of trees.</summary>
    public int Count => leaves.Length;

    /// <summary>The ensemble's output for one feature row.</summary>
    public double Evaluate(ReadOnlySpan<float> row)
    {
        var sum = 0.0;
        for (var t = 0; t < leaves.Length; t++)
        {
            var node = left[t].Length == 0 ? -1 : 0;
            var (l, r, f, th) = (left[t], right[t], feature[t], threshold[t]);
            while (node >= 0) node = row[f[node]] <= th[node] ? l[node] : r[node];
            sum += leaves[t][~node] * weights[t];
        }

        return sum + bias;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(leaves.Length);
        for (var t = 0; t < leaves.Length; t++)
        {
            ModelBinary.WriteInts(writer, left[t]);
            ModelBinary.WriteInts(writer, right[t]);
            ModelBinary.WriteInts(writer, feature[t]);
            ModelBinary.WriteFloats(writer, threshold[t]);
            ModelBinary.WriteDoubles(writer, leaves[t]);
        }

        ModelBinary.WriteDoubles(writer, weights);
        writer.Write(bias);
    }

    public static TreeEnsemble Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        var (left, right, feature, threshold, leaves) = (new int[n][], new int[n][], new int[n][], new float[n][], new double[n][]);
        for (var t = 0; t < n; t++)
        {
            left[t] = ModelBinary.ReadInts(reader);
            right[t] = ModelBinary.ReadInts(reader);
            feature[t] = ModelBinary.ReadInts(reader);
            threshold[t] = ModelBinary.ReadFloats(reader);
            leaves[t] = ModelBinary.ReadDoubles(reader);
        }

        return new TreeEnsemble(left, right, feature, threshold, leaves, ModelBinary.ReadDoubles(reader), reader.ReadDouble());
    }
}
