namespace Pipeline.Serving.Models;

/// <summary>
/// One feature a served model reads: its name, type, whether a missing value (null, NaN) is allowed, and its index
/// in the model's saved input schema, and its position among the features (<see cref="Ordinal"/>, the index in a request row).
/// </summary>
internal sealed record FeatureColumn(string Name, FeatureType Type, bool Nullable, int SchemaIndex, int Ordinal)
{
    /// <summary>The Open Inference Protocol datatype of this feature's tensor.</summary>
    public string Datatype => Type switch
    {
        FeatureType.Single => "FP32",
        FeatureType.Double => "FP64",
        FeatureType.Int32 => "INT32",
        FeatureType.Int64 => "INT64",
        FeatureType.Boolean => "BOOL",
        _ => "BYTES",
    };

    /// <summary>The value a missing entry takes (NaN for numbers the featurizer imputes, empty text).</summary>
    public object Missing => Type switch
    {
        FeatureType.Single => float.NaN,
        FeatureType.Double => double.NaN,
        FeatureType.Text => ReadOnlyMemory<char>.Empty,
        _ => throw new InvalidOperationException($"Feature '{Name}' of type {Type} has no missing value."),
    };

    /// <summary>True when this type can hold a missing value at all.</summary>
    public bool CanBeMissing => Type is FeatureType.Single or FeatureType.Double or FeatureType.Text;
}
