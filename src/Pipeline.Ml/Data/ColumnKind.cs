namespace Pipeline.Ml.Data;

/// <summary>The kind of a column, inferred on first ingest and recorded in data/schema.yaml.</summary>
public enum ColumnKind
{
    Numeric,
    Categorical,
    Boolean,
    Text,
    Date,
}
