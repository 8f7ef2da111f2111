namespace Pipeline.Formats.Columns;

/// <summary>
/// The kind of a column, inferred by <see cref="ColumnKindInference"/>: recorded in data/schema.yaml by Validate, and
/// deciding the drift method in Monitor (Numeric: distribution tests over numbers, on the circle for a
/// <see cref="CyclicPeriod"/> column; Text: a domain classifier over its words; every other kind: over labels).
/// </summary>
public enum ColumnKind
{
    /// <summary>Finite invariant-culture numbers.</summary>
    Numeric,

    /// <summary>Labels from a bounded set.</summary>
    Categorical,

    /// <summary>At most two truth words (true/false, yes/no, y/n, t/f, 1/0); a 0/1 column is Boolean.</summary>
    Boolean,

    /// <summary>Free text, or more distinct labels than a categorical column may have.</summary>
    Text,

    /// <summary>ISO 8601 dates or date-times.</summary>
    Date,
}
