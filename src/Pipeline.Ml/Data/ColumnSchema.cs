using Pipeline.Formats.Columns;
namespace Pipeline.Ml.Data;

/// <summary>One column of a dataset: its kind and what validation checks it against.</summary>
public sealed record ColumnSchema(string Name, ColumnKind Kind)
{
    /// <summary>True when missing values are allowed (seen in the reference data).</summary>
    public bool Nullable { get; init; }

    /// <summary>Share of missing values in the reference data (0..1), for null-rate jump checks.</summary>
    public double NullRate { get; init; }

    /// <summary>Observed range of a numeric column.</summary>
    public double? Min { get; init; }
    public double? Max { get; init; }

    /// <summary>Observed domain of a categorical (or boolean) column, sorted ordinal.</summary>
    public IReadOnlyList<string>? Categories { get; init; }
}
