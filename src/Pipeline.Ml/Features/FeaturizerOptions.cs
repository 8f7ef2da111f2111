using Pipeline.Formats.Params;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Features;

/// <summary>The Featurize stage's settings (<c>featurize.*</c> in params.yaml; defaults in each member).</summary>
public sealed record FeaturizerOptions
{
    /// <summary><c>featurize.imputation</c>: mean | median | most_frequent | constant (mean).</summary>
    public ImputationStrategy Imputation { get; init; } = ImputationStrategy.Mean;
    /// <summary><c>featurize.constant_value</c> (0), used by constant imputation.</summary>
    public double ConstantValue { get; init; }
    /// <summary><c>featurize.outliers</c>: none | iqr | zscore (none).</summary>
    public OutlierStrategy Outliers { get; init; } = OutlierStrategy.None;
    /// <summary><c>featurize.outlier_factor</c> (1.5 for iqr, 3 for zscore when unset).</summary>
    public double? OutlierFactor { get; init; }
    /// <summary><c>featurize.scaling</c>: none | minmax | zscore | robust (minmax).</summary>
    public ScalingStrategy Scaling { get; init; } = ScalingStrategy.MinMax;
    /// <summary><c>featurize.encoding</c>: onehot | hashing (onehot).</summary>
    public CategoricalEncoding Encoding { get; init; } = CategoricalEncoding.OneHot;
    /// <summary><c>featurize.hash_bits</c> (12), buckets per column = 2^bits when hashing.</summary>
    public int HashBits { get; init; } = 12;
    /// <summary><c>featurize.text</c> (true): featurize text columns with ML.NET FeaturizeText; false drops them.</summary>
    public bool Text { get; init; } = true;
    /// <summary>
    /// <c>featurize.max_ngrams</c> (50,000): the most n-grams (word and character together) a text column keeps, those
    /// found in the most train rows (<see cref="TextVocabulary"/>); bounds the feature width, and so training time, of text.
    /// </summary>
    public int MaxNgrams { get; init; } = 50_000;
    /// <summary><c>featurize.derived</c> ([]): specs such as <c>ratio: amount/balance</c>, <c>log: amount</c>.</summary>
    public IReadOnlyList<string> Derived { get; init; } = [];
    /// <summary><c>featurize.test_fraction</c> (0.2): share of each stratum held out as test.</summary>
    public double TestFraction { get; init; } = 0.2;
    /// <summary><c>featurize.seed</c> (42): seeds the split and the MLContext.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The clipping factor in effect.</summary>
    internal double EffectiveOutlierFactor => OutlierFactor ?? (Outliers == OutlierStrategy.Iqr ? 1.5 : 3.0);

    /// <summary>The documented keys of the <c>featurize</c> section.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["imputation", "constant_value", "outliers", "outlier_factor", "scaling", "encoding", "hash_bits", "text", "max_ngrams", "derived", "test_fraction", "seed"];

    /// <summary>
    /// Options from the <c>featurize</c> section, keys relative to it (<c>scaling</c> → "robust"); an unknown key or a
    /// bad value is a <see cref="ParamException"/> naming it.
    /// </summary>
    public static FeaturizerOptions FromParams(IReadOnlyDictionary<string, string> section)
    {
        var s = new ParamSection("featurize", section, Keys);
        var o = new FeaturizerOptions();
        foreach (var spec in s.List("derived")) DerivedFeature.Parse(spec);
        return o with
        {
            Imputation = s.Choice("imputation", o.Imputation),
            ConstantValue = s.Number("constant_value", o.ConstantValue),
            Outliers = s.Choice("outliers", o.Outliers),
            OutlierFactor = s.OptionalNumber("outlier_factor", min: 0),
            Scaling = s.Choice("scaling", o.Scaling),
            Encoding = s.Choice("encoding", o.Encoding),
            HashBits = s.Integer("hash_bits", o.HashBits, min: 1, max: 30),
            Text = s.Boolean("text", o.Text),
            MaxNgrams = s.Integer("max_ngrams", o.MaxNgrams, min: 1),
            Derived = s.List("derived"),
            TestFraction = s.Fraction("test_fraction", o.TestFraction),
            Seed = s.Integer("seed", o.Seed, min: 0),
        };
    }
}
