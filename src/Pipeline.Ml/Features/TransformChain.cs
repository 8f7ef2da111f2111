using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Formats.Columns;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>
/// Fits the featurizing transform chain from the schema, the options and train statistics, using only built-in
/// ML.NET transforms (Expression, ReplaceMissingValues, normalizers, type conversion, one-hot/hash encoding,
/// FeaturizeText, count-based slot selection, Concatenate, MapValueToKey) so the saved model loads without registering custom code.
/// </summary>
internal static class TransformChain
{
    /// <summary>The output column holding the feature vector.</summary>
    public const string Features = "Features";
    /// <summary>The output label column.</summary>
    public const string Label = "Label";

    /// <summary>
    /// Fits the chain on <paramref name="train"/>. The number of steps grows with the number of derived features and
    /// text columns, never with the numeric or categorical column count: those are one vector block each. Only text
    /// featurization and robust scaling read the train rows: every other parameter comes from <paramref name="stats"/>
    /// and <paramref name="terms"/>. <paramref name="text"/> receives each text column's vocabulary size.
    /// </summary>
    public static TransformerChain<ITransformer> Fit(MLContext ml, DatasetSchema schema, FeaturizerOptions options, IReadOnlyList<DerivedFeature> derived, IReadOnlyList<NumericStatistics> stats, CategoryTerms terms, IDataView train, ICollection<TextNgrams>? text = null)
    {
        var inputs = schema.Features.ToList();
        if (inputs.FirstOrDefault(c => c.Name is Features || (c.Name is Label && c.Name != schema.Label)) is { } clash)
            throw new InvalidDataException($"Column '{clash.Name}' clashes with the featurizer's output column; rename it in the source.");
        var chain = new ChainFitter(train);
        foreach (var d in derived) chain.Add(ml.Transforms.Expression(d.Name, d.Expression, [.. d.Inputs]));

        var blocks = new List<string>();
        if (NumericBlock.Add(ml, chain, stats, options)) blocks.Add(NumericBlock.Column);

        var categorical = inputs.Where(CategoryTerms.IsCategorical)
            .Select((c, i) => new InputOutputColumnPair($"__cat{i}", c.Name)).ToArray();
        if (categorical.Length > 0)
        {
            if (options.Encoding == CategoricalEncoding.Hashing) chain.Add(ml.Transforms.Categorical.OneHotHashEncoding(categorical, numberOfBits: options.HashBits));
            else chain.Add(ml.Transforms.Categorical.OneHotEncoding(categorical).Fit(new TermView(terms.Columns, terms.Terms)));
            blocks.AddRange(categorical.Select(p => p.OutputColumnName));
        }

        if (options.Text)
        {
            foreach (var (column, i) in inputs.Where(c => c.Kind == ColumnKind.Text).Select((c, i) => (c, i)))
            {
                var ngrams = TextVocabulary.Add(ml, chain, $"__text{i}", column.Name, options.MaxNgrams);
                text?.Add(ngrams);
                blocks.Add($"__text{i}");
            }
        }
        if (blocks.Count == 0)
            throw new InvalidDataException($"No usable feature columns: the schema has only the label '{schema.Label}', the key or date columns. Add feature columns or enable featurize.text.");
        return chain.Add(ml.Transforms.Concatenate(Features, [.. blocks])).Add(LabelEstimator(ml, schema)).Build();
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
