namespace Pipeline.Ml.Validation;

/// <summary>The checks Validate runs; params.yaml spells them in snake_case (<c>validate.severity.type_error</c>).</summary>
public enum ValidationCheck
{
    /// <summary>A schema column is absent from the snapshot (dataset level).</summary>
    MissingColumn,
    /// <summary>The snapshot has a column the schema lacks (dataset level; the column is not passed on).</summary>
    ExtraColumn,
    /// <summary>A row's field count differs from the header's (row level, always quarantined).</summary>
    MalformedRow,
    /// <summary>A value cannot be read as its column's kind (row level, always quarantined).</summary>
    TypeError,
    /// <summary>A numeric value lies outside the schema range widened by the tolerance (quarantined when error).</summary>
    OutOfRange,
    /// <summary>A categorical value is not in the schema domain (quarantined when error).</summary>
    UnseenCategory,
    /// <summary>A column's null rate rose above the reference by more than the threshold (dataset level).</summary>
    NullRateJump,
    /// <summary>A missing value in a column the schema marks non-nullable (row level, always quarantined).</summary>
    NullInNonNullable,
    /// <summary>A key value seen before (row level, always quarantined).</summary>
    DuplicateKey,
    /// <summary>The label distribution moved (total variation distance) more than the threshold (dataset level).</summary>
    LabelShift,
    /// <summary>A label value that is not one of the schema's classes (row level, always quarantined).</summary>
    UnknownLabelClass,
    /// <summary>A row whose label is empty (row level, always quarantined: it is never trained on as any class).</summary>
    MissingLabel,
}
