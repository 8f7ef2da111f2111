using Pipeline.Ml.Data;

namespace Pipeline.Ml.Validation;

/// <summary>Inputs, outputs and thresholds of the Validate stage (<c>validate.*</c> and <c>data.*</c> in params.yaml).</summary>
public sealed partial record ValidationOptions
{
    /// <summary>The snapshot to check (data/raw/&lt;name&gt;.csv).</summary>
    public required string SnapshotPath { get; init; }
    /// <summary>data/schema.yaml: inferred and written when absent, read otherwise.</summary>
    public required string SchemaPath { get; init; }
    /// <summary>Rows that pass (data/validated/&lt;name&gt;.csv), in schema column order.</summary>
    public required string ValidatedPath { get; init; }
    /// <summary>Rows that fail (data/quarantine/&lt;name&gt;.csv): snapshot columns plus <c>_reason</c>.</summary>
    public required string QuarantinePath { get; init; }
    /// <summary>reports/validation.json.</summary>
    public required string ReportJsonPath { get; init; }
    /// <summary>reports/validation.txt (the readable table).</summary>
    public required string ReportTextPath { get; init; }

    /// <summary>
    /// A stream source's data/raw/position.json (null for batch sources): the report then counts what the last ingest
    /// appended and how much of it was quarantined (<see cref="StreamRunSection"/>).
    /// </summary>
    public string? StreamPositionPath { get; init; }
    /// <summary>A stream source's data/raw/rejected.csv (entries Ingest could not read), counted in the same section.</summary>
    public string? StreamRejectedPath { get; init; }

    /// <summary>The label column (<c>data.label</c>), used when inferring the schema.</summary>
    public required string Label { get; init; }
    /// <summary>The task (<c>data.task</c>), used when inferring the schema.</summary>
    public required MlTask Task { get; init; }
    /// <summary>
    /// The interaction columns of a recommendation task (null for the others): the snapshot is then checked for them
    /// first (one line per problem, nothing written) and the report counts users, items, repeated (user, item, time)
    /// rows and single-interaction users.
    /// </summary>
    public Recommendation.RecommendationColumns? Interactions { get; init; }
    /// <summary>Inference settings (<c>data.key</c>, <c>data.positive_class</c>, <c>validate.max_categories</c>…).</summary>
    public InferenceOptions Inference { get; init; } = new();

    /// <summary>Largest allowed rise of a null rate over the reference (<c>validate.null_rate_jump</c>, 0.1).</summary>
    public double NullRateJumpThreshold { get; init; } = 0.1;
    /// <summary>Largest allowed total variation distance of the label distribution (<c>validate.label_shift</c>, 0.2).</summary>
    public double LabelShiftThreshold { get; init; } = 0.2;
    /// <summary>Widens [min, max] by this share of its width before flagging (<c>validate.range_tolerance</c>, 0).</summary>
    public double RangeTolerance { get; init; }
    /// <summary>How many example values each finding keeps (<c>validate.max_examples</c>, 5).</summary>
    public int MaxExamples { get; init; } = 5;
    /// <summary>Severity overrides per check (<c>validate.severity.&lt;check&gt;: error|warning</c>).</summary>
    public IReadOnlyDictionary<ValidationCheck, FindingSeverity> Severities { get; init; } = new Dictionary<ValidationCheck, FindingSeverity>();

    /// <summary>The severity of <paramref name="check"/>: the override, else the default.</summary>
    public FindingSeverity SeverityOf(ValidationCheck check) =>
        Severities.TryGetValue(check, out var severity) ? severity : DefaultSeverity(check);

    /// <summary>
    /// Defaults: a missing column, a duplicate key and an unknown label class stop the pipeline; everything else
    /// warns (row-level failures are still quarantined, so nothing bad reaches training).
    /// </summary>
    public static FindingSeverity DefaultSeverity(ValidationCheck check) => check switch
    {
        ValidationCheck.MissingColumn or ValidationCheck.DuplicateKey or ValidationCheck.UnknownLabelClass => FindingSeverity.Error,
        _ => FindingSeverity.Warning,
    };
}
