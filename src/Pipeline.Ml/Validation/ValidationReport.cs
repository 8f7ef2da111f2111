namespace Pipeline.Ml.Validation;

// NOTE: SchemaInferred is not written to the report files: whether the schema existed before the run must not change
// an output's bytes, or a reproduction (where the schema is committed) would differ from the first run.
/// <summary>The outcome of Validate: row counts and every finding, written as reports/validation.json and .txt.</summary>
public sealed record ValidationReport(string Snapshot, long Rows, long ValidatedRows, long QuarantinedRows, bool SchemaInferred)
{
    /// <summary>Findings in check order, then column order.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; init; } = [];

    /// <summary>The severity used for each check in this run.</summary>
    public IReadOnlyDictionary<ValidationCheck, FindingSeverity> Severities { get; init; } = new Dictionary<ValidationCheck, FindingSeverity>();

    /// <summary>What the last ingest of a stream source appended and how it fared; null for batch sources.</summary>
    public StreamRunSection? StreamRun { get; init; }

    /// <summary>
    /// One line each about how the schema was chosen (a schema of another source replaced, data.key not a column);
    /// like SchemaInferred, not written to the report files.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The counts of a recommendation snapshot (null for the other tasks): written as the report's <c>interactions</c> section.</summary>
    internal InteractionSection? Interactions { get; init; }

    /// <summary>True when data/schema.yaml described another source and was inferred afresh (a note says so).</summary>
    public bool SchemaReplaced { get; init; }

    /// <summary>True when no finding has error severity.</summary>
    public bool Passed => Findings.All(f => f.Severity != FindingSeverity.Error);

    /// <summary>The readable table (same text as reports/validation.txt).</summary>
    public string Table => ValidationReportFormat.Text(this);
}
