namespace Pipeline.Monitoring.Drift;

/// <summary>Whether a column holds numbers or categories; decides which drift methods apply.</summary>
public enum ColumnKind
{
    /// <summary>Real numbers; every method applies.</summary>
    Numeric,

    /// <summary>Labels; chi-square, PSI and Jensen-Shannon apply.</summary>
    Categorical,
}
