using Pipeline.Formats.Columns;

namespace Pipeline.Formats.Profiles;

/// <summary>The reference profile of one column; exactly one of the kind-specific parts is set (none for dates or empty columns).</summary>
public sealed record ColumnProfile(string Name, ColumnKind Kind, long Count, double NullRate)
{
    /// <summary>Set for numeric columns with at least one value.</summary>
    public NumericProfile? Numeric { get; init; }
    /// <summary>Set for categorical and boolean columns (and a classification label).</summary>
    public CategoricalProfile? Categorical { get; init; }
    /// <summary>Set for text columns.</summary>
    public TextProfile? Text { get; init; }
}
