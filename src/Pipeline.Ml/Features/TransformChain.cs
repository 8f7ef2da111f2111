using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// Builds the featurizing estimator chain from the schema, the options and train statistics, using only built-in
/// ML.NET transforms (Expression, normalizers, one-hot/hash encoding, FeaturizeText, Concatenate, MapValue/MapValueToKey)
/// so the saved model loads without registering custom code.
/// </summary>
internal static class TransformChain
{
    /// <summary>The output column holding the feature vector.</summary>
    public const string Features = "Features";
    /// <summary>The output label column.</summary>
    public const string Label = "Label";

    /// <summary>The estimator chain (unfitted).</summary>
    public static IEstimator<ITransformer> Build(MLContext ml, DatasetSchema schema, FeaturizerOptions options, IReadOnlyList<DerivedFeature> derived, IReadOnlyList<NumericStatistics> stats)
    {
        var inputs = schema.Features.ToList();
        if (inputs.FirstOrDefault(c => c.Name is Features || (c.Name is Label && c.Name != schema.Label)) is { } clash)
            throw new InvalidDataException($"Column '{clash.Name}' clashes with the featurizer's output column; rename it in the source.");
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        foreach (var d in derived) chain = chain.Append(ml.Transforms.Expression(d.Name, d.Expression, [.. d.Inputs]));

        var blocks = new List<string>();
        var numeric = stats.Select((s, i) => (Source: s.Name, Column: $"__num{i}", Stats: s)).ToList();
        foreach (var (source, column, s) in numeric)
            chain = chain.Append(ml.Transforms.Expression(column, NumericExpression(s, options), source));
        if (numeric.Count > 0)
        {
            chain = chain.Append(ml.Transforms.Concatenate("__numeric", [.. numeric.Select(n => n.Column)]));
            chain = options.Scaling switch
            {
                ScalingStrategy.MinMax => chain.Append(ml.Transforms.NormalizeMinMax("__numeric")),
                ScalingStrategy.ZScore => chain.Append(ml.Transforms.NormalizeMeanVariance("__numeric")),
                ScalingStrategy.Robust => chain.Append(ml.Transforms.NormalizeRobustScaling("__numeric")),
                _ => chain,
            };
            blocks.Add("__numeric");
        }

        var categorical = inputs.Where(c => c.Kind is ColumnKind.Categorical or ColumnKind.Boolean)
            .Select((c, i) => new InputOutputColumnPair($"__cat{i}", c.Name)).ToArray();
        if (categorical.Length > 0)
        {
            chain = options.Encoding == CategoricalEncoding.Hashing
                ? chain.Append(ml.Transforms.Categorical.OneHotHashEncoding(categorical, numberOfBits: options.HashBits))
                : chain.Append(ml.Transforms.Categorical.OneHotEncoding(categorical));
            blocks.AddRange(categorical.Select(p => p.OutputColumnName));
        }

        if (options.Text)
        {
            foreach (var (column, i) in inputs.Where(c => c.Kind == ColumnKind.Text).Select((c, i) => (c, i)))
            {
                chain = chain.Append(ml.Transforms.Text.FeaturizeText($"__text{i}", column.Name));
                blocks.Add($"__text{i}");
            }
        }
        if (blocks.Count == 0)
            throw new InvalidDataException($"No usable feature columns: the schema has only the label '{schema.Label}', the key or date columns. Add feature columns or enable featurize.text.");
        return chain.Append(ml.Transforms.Concatenate(Features, [.. blocks])).Append(LabelEstimator(ml, schema));
    }

    private static string NumericExpression(NumericStatistics s, FeaturizerOptions options)
    {
        var fill = Literal(s.Fill(options));
        return s.Bounds(options) is { } b
            ? $"x => isna(x) ? {fill} : (x < {Literal(b.Low)} ? {Literal(b.Low)} : (x > {Literal(b.High)} ? {Literal(b.High)} : x))"
            : $"x => isna(x) ? {fill} : x";
    }

    // NOTE: a fixed-point literal, because the expression language does not read exponents such as 1E-05.
    private static string Literal(double value)
    {
        var text = ((float)value).ToString("0.0###################", CultureInfo.InvariantCulture);
        return value < 0 ? $"({text})" : text;
    }

    // NOTE: the expression language reads C#-style string literals. The binary label is an Expression, not MapValue:
    // MapValue saves its map as an .idv whose column blocks ML.NET compresses in parallel and writes in completion
    // order, so featurizer.zip (and model.zip) differed from run to run.
    private static string TextLiteral(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static IEstimator<ITransformer> LabelEstimator(MLContext ml, DatasetSchema schema)
    {
        switch (schema.Task)
        {
            case MlTask.Binary:
                var positive = schema.PositiveClass ?? schema.LabelClasses[^1];
                return ml.Transforms.Expression(Label, $"x => x == {TextLiteral(positive)}", schema.Label);
            case MlTask.Multiclass:
                var keys = ml.Data.LoadFromEnumerable(schema.LabelClasses.Select(c => new LabelClassRow { Value = c }));
                return ml.Transforms.Conversion.MapValueToKey(Label, schema.Label, keyData: keys);
            default:
                return ml.Transforms.CopyColumns(Label, schema.Label);
        }
    }
}
