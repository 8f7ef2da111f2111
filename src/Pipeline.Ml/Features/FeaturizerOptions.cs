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
    /// <summary><c>featurize.derived</c> ([]): specs such as <c>ratio: amount/balance</c>, <c>log: amount</c>.</summary>
    public IReadOnlyList<string> Derived { get; init; } = [];
    /// <summary><c>featurize.test_fraction</c> (0.2): share of each stratum held out as test.</summary>
    public double TestFraction { get; init; } = 0.2;
    /// <summary><c>featurize.seed</c> (42): seeds the split and the MLContext.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The clipping factor in effect.</summary>
    internal double EffectiveOutlierFactor => OutlierFactor ?? (Outliers == OutlierStrategy.Iqr ? 1.5 : 3.0);

    /// <summary>Reads options from flattened params (<c>featurize.scaling</c> → "robust"); unknown values are errors.</summary>
    public static FeaturizerOptions FromParams(IReadOnlyDictionary<string, string> flat)
    {
        string? Get(string key) => flat.TryGetValue("featurize." + key, out var v) ? v : null;
        var o = new FeaturizerOptions();
        return o with
        {
            Imputation = Get("imputation") is { } i ? ParamValue.Choice<ImputationStrategy>("featurize.imputation", i) : o.Imputation,
            ConstantValue = Get("constant_value") is { } c ? ParamValue.Number("featurize.constant_value", c) : o.ConstantValue,
            Outliers = Get("outliers") is { } x ? ParamValue.Choice<OutlierStrategy>("featurize.outliers", x) : o.Outliers,
            OutlierFactor = Get("outlier_factor") is { } f ? ParamValue.Number("featurize.outlier_factor", f) : null,
            Scaling = Get("scaling") is { } s ? ParamValue.Choice<ScalingStrategy>("featurize.scaling", s) : o.Scaling,
            Encoding = Get("encoding") is { } e ? ParamValue.Choice<CategoricalEncoding>("featurize.encoding", e) : o.Encoding,
            HashBits = Get("hash_bits") is { } h ? ParamValue.Integer("featurize.hash_bits", h, 1) : o.HashBits,
            Text = Get("text") is { } t ? ParamValue.Boolean("featurize.text", t) : o.Text,
            TestFraction = Get("test_fraction") is { } tf ? ParamValue.Number("featurize.test_fraction", tf) : o.TestFraction,
            Seed = Get("seed") is { } sd ? ParamValue.Integer("featurize.seed", sd) : o.Seed,
        };
    }
}
